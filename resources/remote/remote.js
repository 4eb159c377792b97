// The phone remote: follows the workout live (server-sent events) and sends its commands.
// The seconds are counted down here between the server's messages (it sends one on every
// change and every few seconds), so the digits flip on time without a message a second.
"use strict";

(() => {
  const token = new URLSearchParams(window.location.search).get("token") || "";
  const query = "?token=" + encodeURIComponent(token);
  const SILENCE_MS = 12000; // no message for this long: the connection is lost
  const $ = (id) => document.getElementById(id);
  const body = document.body;

  let state = null;
  let receivedAt = 0;
  let lastMessage = 0;
  let source = null;
  let retryMs = 1000;
  let retryTimer = null;
  let finished = false;

  function setLink(kind, text) {
    body.dataset.link = kind;
    $("link-text").textContent = text;
  }

  function banner(text) {
    const element = $("banner");
    element.textContent = text || "";
    element.hidden = !text;
  }

  function secondsLeft() {
    if (!state) return 0;
    let left = state.remaining_s;
    if (state.state === "running") left -= (performance.now() - receivedAt) / 1000;
    return Math.max(0, left);
  }

  function tick() {
    if (!state) return;
    const left = secondsLeft();
    const digits = String(Math.max(0, Math.ceil(left - 1e-6)));
    const element = $("digits");
    if (element.textContent !== digits) {
      element.textContent = digits;
      element.dataset.long = String(Math.min(4, Math.max(2, digits.length)));
    }
    const duration = state.step_duration_s;
    const done = duration > 0 ? 1 - left / duration : 1;
    $("bar-fill").style.width = (Math.min(1, Math.max(0, done)) * 100).toFixed(1) + "%";
  }

  function render() {
    if (!state) return;
    const s = state;
    body.dataset.phase = s.phase;
    body.dataset.state = s.state;
    $("protocol").textContent = s.protocol || "Glute Timer";
    $("phase").textContent = s.phase_label;
    const load = s.load && s.load !== "bodyweight" ? " · " + s.load : "";
    $("exercise").textContent = (s.exercise || "") + load;
    $("rep").textContent = s.reps_target ? s.rep + " / " + s.reps_target : "–";
    $("range").textContent = s.reps_range ? "range " + s.reps_range : "\u00a0";
    $("set").textContent = s.sets ? s.set + " / " + s.sets : "–";
    $("side").textContent = s.side ? s.side.charAt(0).toUpperCase() + s.side.slice(1) + " side" : "\u00a0";
    $("next").textContent = s.next ? "Next: " + s.next : "\u00a0";
    let caption = "\u00a0";
    if (s.state === "paused") caption = "Paused";
    else if (s.state === "finished") caption = "Workout complete";
    else if (s.state === "stopped") caption = "Workout stopped";
    else if (s.state === "idle") caption = "Not started";
    $("caption").textContent = caption;
    document.title = s.title ? s.title + " – Glute Timer" : "Glute Timer remote";

    const active = s.state === "running" || s.state === "paused";
    const toggle = $("toggle");
    toggle.dataset.command = s.state === "running" ? "pause" : "resume";
    toggle.textContent = s.state === "running" ? "Pause" : "Resume";
    toggle.disabled = !active || finished;
    document.querySelectorAll(".rest-row").forEach((row) => { row.hidden = !s.can_adjust_rest; });
    $("finish").hidden = !!s.can_adjust_rest;
    $("finish").disabled = !s.can_finish_set || finished;
    document.querySelectorAll("button[data-command]").forEach((button) => {
      if (button !== toggle && button.id !== "finish") button.disabled = !active || finished;
    });
    tick();
  }

  function adopt(data) {
    state = data;
    receivedAt = performance.now();
    lastMessage = receivedAt;
    render();
  }

  function end(data) {
    finished = true;
    if (data) adopt(data);
    if (source) source.close();
    source = null;
    setLink("ended", "Ended");
    banner("The workout has ended. For the next one, scan its new code in the app.");
    render();
  }

  function refused() {
    finished = true;
    if (source) source.close();
    source = null;
    setLink("ended", "Not valid");
    banner("This link is no longer valid. Scan the code the app shows for this workout.");
    render();
  }

  function lost() {
    if (finished) return;
    if (source) source.close();
    source = null;
    setLink("lost", "Reconnecting…");
    banner("Connection lost. Reconnecting…");
    render();
    if (retryTimer === null) {
      retryTimer = window.setTimeout(() => {
        retryTimer = null;
        probe();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 8000);
    }
  }

  // Before reconnecting, ask once: a refused token (a new workout) ends the page's tries.
  function probe() {
    fetch("api/state" + query, { cache: "no-store" })
      .then((response) => {
        if (response.status === 401 || response.status === 403) {
          refused();
          return null;
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((data) => {
        if (!data) return;
        if (data.ended) end(data);
        else connect();
      })
      .catch(() => lost());
  }

  function connect() {
    if (finished) return;
    source = new EventSource("api/events" + query);
    source.addEventListener("state", (event) => {
      retryMs = 1000;
      setLink("live", "Live");
      banner("");
      adopt(JSON.parse(event.data));
    });
    source.addEventListener("end", (event) => end(JSON.parse(event.data)));
    source.onerror = () => lost();
  }

  function send(command) {
    if (command === "stop" && !window.confirm("Stop the workout? The sets done so far are kept.")) {
      return;
    }
    fetch("api/command" + query, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ command: command }),
      cache: "no-store",
    })
      .then((response) => {
        if (response.status === 401 || response.status === 403) {
          refused();
          return null;
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((reply) => {
        if (reply && reply.state) {
          if (reply.state.ended) end(reply.state);
          else adopt(reply.state);
        }
      })
      .catch(() => banner("That did not reach the workout. Try again."));
  }

  document.querySelectorAll("button[data-command]").forEach((button) => {
    button.addEventListener("click", () => send(button.dataset.command));
  });
  window.setInterval(() => {
    tick();
    if (source && !finished && lastMessage && performance.now() - lastMessage > SILENCE_MS) lost();
  }, 100);
  connect();
})();
