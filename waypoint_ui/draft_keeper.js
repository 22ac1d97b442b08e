// Waypoint's draft keeper (see waypoint_ui/drafts.py): tells the server what is being typed into a
// text field of the page, so it can keep it as a draft. Streamlit sends a text area's value only
// when the field loses focus, and a form's values only when the form is submitted; this sends it
// about a second after the typing pauses, wherever the field is.
//
// One listener for the whole page, kept on `window` so a redraw of the component neither adds a
// second one nor drops a pending draft. Events: "typing" at the first keystroke after a pause
// (the save line then stops saying everything is saved), "typed" with the field's text once the
// typing has paused. The field is named by the `st-key-…` class Streamlit gives a keyed widget.
// A field that left the page before the pause (another tab or page opened) is still reported,
// under the name it had: the server keeps its draft unless its form was started afresh since.
// Nothing is sent while the app is running a script: a message sent then is folded into the
// rerun already asked for, and can take the place of what a click asked for (a tab, a page).

const PAUSE_MS = 1000;
const RETRY_MS = 150;
const GIVE_UP_MS = 60000;  // a keeper not drawn again by then (a page without a notebook) has nowhere to send it

export default function (component) {
  const keeper = window.__waypointDrafts || (window.__waypointDrafts = { timers: new Map(), send: null });
  keeper.send = component.setTriggerValue;
  if (!keeper.listening) {
    keeper.listening = true;
    document.addEventListener("input", (event) => keep(keeper, event.target), true);
  }
  return () => {
    if (keeper.send === component.setTriggerValue) keeper.send = null;
  };
}

function fieldKey(element) {
  if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) return null;
  if (element instanceof HTMLInputElement && element.type === "password") return null;
  if (!element.closest('[data-testid="stTextArea"], [data-testid="stTextInput"]')) return null;
  const box = element.closest('[class*="st-key-"]');
  const name = box && [...box.classList].find((c) => c.startsWith("st-key-"));
  return name ? name.slice("st-key-".length) : null;
}

function idle() {
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app ? app.getAttribute("data-test-script-state") : null;
  return state !== "running" && state !== "rerunRequested";
}

function keep(keeper, element) {
  const key = fieldKey(element);
  if (key === null) return;
  if (!keeper.timers.has(element) && keeper.send && idle()) keeper.send("typing", key);
  const pending = keeper.timers.get(element);
  if (pending) clearTimeout(pending.timer);
  keeper.timers.set(element, { key, since: Date.now(), timer: setTimeout(() => settle(keeper, element), PAUSE_MS) });
}

function settle(keeper, element) {
  const pending = keeper.timers.get(element);
  if ((!idle() || !keeper.send) && Date.now() - pending.since < GIVE_UP_MS) {
    // wait for the run to end, and the keeper to be drawn again; typing meanwhile restarts the pause
    pending.timer = setTimeout(() => settle(keeper, element), RETRY_MS);
    return;
  }
  keeper.timers.delete(element);
  // A field still on the page is named as it is now; one gone since (its tab or page left, its
  // entry added) by the name it had, and a detached field still holds its text.
  const key = element.isConnected ? fieldKey(element) : pending.key;
  if (key !== null && keeper.send && idle()) keeper.send("typed", { key, text: element.value });
}
