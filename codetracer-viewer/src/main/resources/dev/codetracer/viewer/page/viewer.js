'use strict';
// The CodeTracer viewer page: everything comes from the JSON API of `codetracer host`, a window
// at a time; nothing here holds the whole recording.

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get('token');

const state = {
  recording: null,
  step: 0,
  stepCount: 0,
  failureStep: -1,
  sourcePath: null,
  sourceLines: [],
  targetLine: null,           // {path, line} marked in the gutter for the visit buttons
  expanded: new Set(),        // variable paths expanded by the user, kept across steps
  previousValues: new Map(),  // variable name -> summary at the previous step, to mark changes
  request: 0,                 // newest navigation; older answers are dropped
  console: { loaded: 0, total: 0 },
  timeline: { from: 0, to: -1, data: null },
  callNodes: new Map(),       // call id -> tree node element
};

// ---- API

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, value);
  }
  const headers = token ? { 'X-CodeTracer-Token': token } : {};
  const response = await fetch(url, { headers, cache: 'no-store' });
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function baseName(path) {
  return (path || '').split('/').pop();
}

function showNote(text) {
  const note = $('note');
  note.textContent = text || '';
  note.hidden = !text;
}

// ---- start

async function start() {
  try {
    const recording = await api('/api/recording');
    state.recording = recording;
    renderHeader(recording);
    if (recording.kind === 'rr') {
      await startRr(recording);
    } else if (recording.stream && recording.stream.steps > 0) {
      await startTrace(recording);
    }
  } catch (error) {
    $('title').textContent = 'Cannot open the recording';
    showStreamError(error.message);
  }
  document.body.dataset.ready = 'true';
}

function renderHeader(r) {
  const test = r.test;
  $('title').textContent = test ? test.name : [r.program].concat(r.args || []).join(' ');
  $('subtitle').textContent = test ? (test.class || '') : (r.workdir || '');
  const outcome = test ? test.outcome : (r.exit_code === undefined || r.exit_code === null ? null : 'exit ' + r.exit_code);
  if (outcome) {
    const badge = $('outcome');
    badge.textContent = outcome;
    badge.hidden = false;
    badge.classList.toggle('failed', /fail|error|abort/i.test(outcome) || (r.exit_code && r.exit_code !== 0 && !test));
  }
  if (r.failure) {
    $('failure').hidden = false;
    $('failure-message').textContent = [r.failure.type, r.failure.message].filter(Boolean).join(': ');
    $('failure-stack').textContent = r.failure.stack || '';
    $('failure-stack-box').hidden = !r.failure.stack;
  }
  if (r.stream_error) showStreamError(r.stream_error);
  const facts = [];
  if (r.recording_id) facts.push('recording ' + r.recording_id);
  if (r.backend) facts.push(r.backend + (r.language ? ' / ' + r.language : ''));
  if (r.start_time) facts.push('recorded ' + r.start_time);
  if (r.duration_ms !== undefined && r.duration_ms !== null) facts.push(r.duration_ms + ' ms');
  if (r.stream) facts.push(r.stream.steps.toLocaleString() + ' steps, ' + r.stream.calls.toLocaleString() + ' calls in ' + r.stream.file);
  facts.push(r.folder);
  $('facts').textContent = facts.join(' · ');
}

function showStreamError(message) {
  const box = $('stream-error');
  box.textContent = 'The event stream cannot be read to its end: ' + message;
  box.hidden = false;
}

// ---- trace view

async function startTrace(recording) {
  $('trace-view').hidden = false;
  state.stepCount = recording.stream.steps;
  state.failureStep = recording.stream.failure_step;
  $('step-count').textContent = (state.stepCount - 1).toLocaleString();
  $('step-input').max = state.stepCount - 1;
  const failure = $('btn-failure');
  failure.hidden = false;
  failure.textContent = state.failureStep >= 0 ? 'Go to failure' : 'Go to the end';
  bindControls();
  const fromHash = parseInt((location.hash.match(/step=(\d+)/) || [])[1], 10);
  await Promise.all([loadCallTree(), loadConsole(0), drawTimeline()]);
  await goTo(Number.isFinite(fromHash) ? Math.min(fromHash, state.stepCount - 1) : 0);
  window.addEventListener('resize', () => drawTimeline());
}

function bindControls() {
  const moves = {
    'btn-start': 'start', 'btn-out-back': 'out-back', 'btn-over-back': 'over-back', 'btn-back': 'back',
    'btn-forward': 'forward', 'btn-over': 'over', 'btn-out': 'out', 'btn-end': 'end', 'btn-failure': 'failure',
  };
  for (const [id, move] of Object.entries(moves)) $(id).addEventListener('click', () => navigate(move));
  $('btn-line-back').addEventListener('click', () => navigate('line-back', targetParams()));
  $('btn-line-forward').addEventListener('click', () => navigate('line-forward', targetParams()));
  $('step-input').addEventListener('change', (event) => goTo(parseInt(event.target.value, 10)));
  $('tab-console').addEventListener('click', () => showTab('console'));
  $('tab-steps').addEventListener('click', () => showTab('steps'));
  document.addEventListener('keydown', onKey);
  const canvas = $('timeline');
  canvas.addEventListener('click', onTimelineClick);
  canvas.addEventListener('wheel', onTimelineWheel, { passive: false });
  canvas.addEventListener('dblclick', () => { state.timeline.from = 0; state.timeline.to = -1; drawTimeline(); });
}

function targetParams() {
  return state.targetLine ? { path: state.targetLine.path, line: state.targetLine.line } : {};
}

function onKey(event) {
  if (event.target.tagName === 'INPUT') return;
  const keys = {
    ArrowRight: event.ctrlKey ? 'out' : event.shiftKey ? 'over' : 'forward',
    ArrowLeft: event.ctrlKey ? 'out-back' : event.shiftKey ? 'over-back' : 'back',
    Home: 'start', End: 'end', f: 'failure', F: 'failure', p: 'line-back', n: 'line-forward',
  };
  const move = keys[event.key];
  if (!move) return;
  event.preventDefault();
  navigate(move, move.startsWith('line') ? targetParams() : {});
}

async function navigate(move, extra = {}) {
  try {
    const answer = await api('/api/nav', Object.assign({ from: state.step, move }, extra));
    await goTo(answer.step, answer.note);
  } catch (error) {
    showNote(error.message);
  }
}

async function goTo(step, note) {
  if (!Number.isFinite(step)) return;
  const request = ++state.request;
  document.body.dataset.ready = 'false';
  try {
    const detail = await api('/api/step', { n: step });
    if (request !== state.request) return;
    state.step = detail.step;
    showNote(note);
    await renderSource(detail);
    if (request !== state.request) return;
    renderPosition(detail);
    renderVariables(detail);
    renderStack(detail);
    markConsole();
    await markCalls(detail);
    if (request !== state.request) return;
    drawTimelineMarkers();
    if (!$('steps').hidden) loadStepWindow();
    history.replaceState(null, '', location.pathname + location.search + '#step=' + detail.step);
    document.body.dataset.step = String(detail.step);
  } catch (error) {
    showNote(error.message);
  } finally {
    if (request === state.request) document.body.dataset.ready = 'true';
  }
}

function renderPosition(detail) {
  $('step-input').value = detail.step;
  $('position').textContent = detail.function + ' — ' + baseName(detail.path) + ':' + detail.line
    + ' · visited ' + detail.visits + '×';
  const atStart = detail.step === 0;
  const atEnd = detail.step === state.stepCount - 1;
  for (const id of ['btn-start', 'btn-back', 'btn-over-back', 'btn-out-back']) $(id).disabled = atStart;
  for (const id of ['btn-end', 'btn-forward', 'btn-over', 'btn-out']) $(id).disabled = atEnd;
}

// ---- source

async function renderSource(detail) {
  if (detail.path !== state.sourcePath) {
    state.sourcePath = detail.path;
    $('source-title').textContent = detail.path;
    try {
      const source = await api('/api/source', { path: detail.path });
      renderSourceText($('source'), source.text, true);
    } catch (error) {
      const box = $('source');
      box.textContent = '';
      box.appendChild(el('div', 'source-missing', 'No copy of this file in the recording (' + error.message + ').'));
    }
  }
  const box = $('source');
  for (const old of box.querySelectorAll('.line.current, .line.failed-line')) old.classList.remove('current', 'failed-line');
  const line = box.querySelector('.line[data-line="' + detail.line + '"]');
  if (line) {
    line.classList.add('current');
    if (detail.step === state.failureStep) line.classList.add('failed-line');
    line.scrollIntoView({ block: 'nearest' });
    const rect = line.getBoundingClientRect();
    const pane = box.parentElement.getBoundingClientRect();
    if (rect.top < pane.top + 40 || rect.bottom > pane.bottom - 40) line.scrollIntoView({ block: 'center' });
  }
  markTargetLine();
}

function renderSourceText(box, text, withGutterTargets) {
  box.textContent = '';
  const fragment = document.createDocumentFragment();
  text.split('\n').forEach((content, index) => {
    const number = index + 1;
    const row = el('div', 'line');
    row.dataset.line = String(number);
    const gutter = el('span', 'gutter', String(number));
    if (withGutterTargets) {
      gutter.title = 'Mark this line for "◀ visit" / "visit ▶"';
      gutter.addEventListener('click', () => toggleTargetLine(number));
    }
    const code = el('span', 'code');
    highlight(code, content);
    row.append(gutter, code);
    fragment.appendChild(row);
  });
  box.appendChild(fragment);
}

const KEYWORDS = new Set(('abstract assert boolean break byte case catch char class const continue default do double else enum '
  + 'extends final finally float for goto if implements import instanceof int interface long native new package private '
  + 'protected public return short static strictfp super switch synchronized this throw throws transient try void volatile '
  + 'while var record yield sealed permits true false null fn let mut def end elif struct impl func').split(' '));

// A light tokenizer for C-like languages: keywords, strings, numbers, line comments.
function highlight(target, line) {
  const pattern = /(\/\/.*$|#.*$)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\b\d[\d_.xXa-fA-FlLfF]*\b)|([A-Za-z_$][\w$]*)/g;
  let last = 0;
  let match;
  while ((match = pattern.exec(line)) !== null) {
    if (match.index > last) target.appendChild(document.createTextNode(line.slice(last, match.index)));
    const [text, comment, string, number, word] = match;
    let cls = null;
    if (comment && !comment.startsWith('#') || comment && /^#\s*(include|define|if|endif|pragma)/.test(comment)) cls = 'tok-comment';
    else if (string) cls = 'tok-string';
    else if (number) cls = 'tok-number';
    else if (word && KEYWORDS.has(word)) cls = 'tok-keyword';
    if (cls) target.appendChild(el('span', cls, text));
    else target.appendChild(document.createTextNode(text));
    last = match.index + text.length;
  }
  if (last < line.length) target.appendChild(document.createTextNode(line.slice(last)));
}

function toggleTargetLine(line) {
  const same = state.targetLine && state.targetLine.path === state.sourcePath && state.targetLine.line === line;
  state.targetLine = same ? null : { path: state.sourcePath, line };
  markTargetLine();
}

function markTargetLine() {
  for (const old of document.querySelectorAll('#source .line.target')) old.classList.remove('target');
  const target = state.targetLine;
  $('target-line').textContent = target ? 'line ' + baseName(target.path) + ':' + target.line : 'current line';
  if (target && target.path === state.sourcePath) {
    const row = $('source').querySelector('.line[data-line="' + target.line + '"]');
    if (row) row.classList.add('target');
  }
}

// ---- variables and stack

function renderVariables(detail) {
  const list = $('variables');
  list.textContent = '';
  const returned = $('returned');
  returned.hidden = !detail.returned;
  if (detail.returned) returned.textContent = '↩ ' + detail.function + ' returned ' + detail.returned.summary;
  const current = new Map();
  for (const variable of detail.variables) {
    current.set(variable.name, variable.summary);
    const changed = state.previousValues.has(variable.name) && state.previousValues.get(variable.name) !== variable.summary;
    list.appendChild(valueNode(variable, variable.name, changed));
  }
  if (detail.variables.length === 0) list.appendChild(el('li', 'muted', 'no variables recorded at this step'));
  state.previousValues = current;
}

function valueNode(value, path, changed) {
  const item = el('li', 'var' + (changed ? ' changed' : ''));
  item.dataset.name = value.name;
  const toggle = el('span', 'toggle', value.children ? (state.expanded.has(path) ? '▾' : '▸') : '');
  const name = el('span', 'name', value.name);
  const summary = el('span', 'value', value.summary);
  item.append(toggle, name, document.createTextNode(' = '), summary);
  if (value.type) item.appendChild(el('span', 'type', value.type));
  if (value.children) {
    const children = el('ul');
    children.hidden = !state.expanded.has(path);
    for (const child of value.children) children.appendChild(valueNode(child, path + '/' + child.name, false));
    item.appendChild(children);
    toggle.addEventListener('click', () => {
      children.hidden = !children.hidden;
      toggle.textContent = children.hidden ? '▸' : '▾';
      if (children.hidden) state.expanded.delete(path); else state.expanded.add(path);
    });
  }
  return item;
}

function renderStack(detail) {
  const list = $('stack');
  list.textContent = '';
  for (const frame of detail.stack) {
    const item = el('li');
    item.append(el('span', null, frame.function + ' '));
    if (frame.path) item.append(el('span', 'where', baseName(frame.path) + ':' + frame.line));
    if (frame.step !== undefined) item.addEventListener('click', () => goTo(frame.step));
    list.appendChild(item);
  }
  state.stackCalls = new Set(detail.stack.map((frame) => frame.call));
}

// ---- call tree

async function loadCallTree() {
  const tree = $('call-tree');
  tree.textContent = '';
  await appendCalls(tree, -1, -1);
  const root = tree.querySelector('.call-node');
  if (root) await expandCall(root);
}

async function appendCalls(list, parent, after) {
  const page = await api('/api/calls', { parent, after, limit: 200 });
  for (const call of page.calls) list.appendChild(callNode(call));
  if (page.more) {
    const more = el('li', 'more', 'more calls…');
    more.addEventListener('click', async () => {
      more.remove();
      await appendCalls(list, parent, page.calls[page.calls.length - 1].id);
    });
    list.appendChild(more);
  }
}

function callNode(call) {
  const item = el('li', 'call-node');
  item.dataset.call = String(call.id);
  state.callNodes.set(call.id, item);
  const toggle = el('span', 'toggle', call.children > 0 ? '▸' : '');
  const label = el('span', 'call-label');
  const args = call.args.map((arg) => arg.name + '=' + arg.summary).join(', ');
  label.append(document.createTextNode(call.function + '(' + args + ')'));
  if (call.return) label.append(el('span', 'ret', ' → ' + call.return.summary));
  else if (!call.returned && call.id !== 0) label.append(el('span', 'ret', ' (did not return)'));
  if (call.first_step >= 0) label.append(el('span', 'range', '#' + call.first_step + '–' + call.last_step));
  label.title = 'Go to the start of this call';
  label.addEventListener('click', () => { if (call.first_step >= 0) goTo(call.first_step); });
  item.append(toggle, label);
  if (call.children > 0) {
    item.dataset.children = String(call.children);
    toggle.addEventListener('click', () => expandCall(item));
  }
  return item;
}

async function expandCall(item) {
  const toggle = item.querySelector('.toggle');
  let list = item.querySelector(':scope > ul');
  if (list) {
    list.hidden = !list.hidden;
    toggle.textContent = list.hidden ? '▸' : '▾';
    return;
  }
  if (!item.dataset.children) return;
  list = el('ul');
  item.appendChild(list);
  toggle.textContent = '▾';
  await appendCalls(list, parseInt(item.dataset.call, 10), -1);
}

// Follows the current step in the tree: the calls on the stack are opened (those among the
// children already loaded; a call deep in a long loop stays where the user pages to it).
async function markCalls(detail) {
  const request = state.request;
  for (const frame of detail.stack.slice(1).reverse()) {
    const node = state.callNodes.get(frame.call);
    if (!node || !node.isConnected) break;
    const list = node.querySelector(':scope > ul');
    if (!list) await expandCall(node);
    else if (list.hidden) { list.hidden = false; node.querySelector('.toggle').textContent = '▾'; }
    if (request !== state.request) return;
  }
  for (const node of document.querySelectorAll('.call-node.on-stack, .call-node.current')) node.classList.remove('on-stack', 'current');
  for (const frame of detail.stack) {
    const node = state.callNodes.get(frame.call);
    if (node && node.isConnected) node.classList.add('on-stack');
  }
  const node = state.callNodes.get(detail.call);
  if (node && node.isConnected) {
    node.classList.add('current');
    const label = node.querySelector('.call-label');
    const pane = node.closest('.pane').getBoundingClientRect();
    const rect = label.getBoundingClientRect();
    if (rect.top < pane.top || rect.bottom > pane.bottom) label.scrollIntoView({ block: 'nearest' });
  }
}

// ---- console and steps

async function loadConsole(from) {
  const page = await api('/api/output', { from, count: 200 });
  const box = $('console');
  const oldMore = box.querySelector('.more');
  if (oldMore) oldMore.remove();
  state.console.total = page.total;
  for (const entry of page.entries) {
    const row = el('div', 'entry ' + entry.stream);
    row.dataset.step = String(entry.step);
    row.append(el('span', 'at', '#' + entry.step), el('span', 'text', entry.text.replace(/\n$/, '')));
    row.title = entry.stream + ' at step ' + entry.step + ': click to go there';
    row.addEventListener('click', () => goTo(entry.step));
    box.appendChild(row);
  }
  state.console.loaded = page.from + page.entries.length;
  if (state.console.loaded < page.total) {
    const more = el('div', 'more', (page.total - state.console.loaded) + ' more lines…');
    more.addEventListener('click', () => loadConsole(state.console.loaded));
    box.appendChild(more);
  }
  if (page.total === 0 && from === 0) box.appendChild(el('div', 'muted', 'The run wrote no output.'));
  markConsole();
}

function markConsole() {
  let now = null;
  for (const row of document.querySelectorAll('#console .entry')) {
    const step = parseInt(row.dataset.step, 10);
    row.classList.toggle('future', step > state.step);
    row.classList.remove('now');
    if (step <= state.step) now = row;
  }
  if (now) now.classList.add('now');
}

function showTab(name) {
  $('console').hidden = name !== 'console';
  $('steps').hidden = name !== 'steps';
  $('tab-console').classList.toggle('active', name === 'console');
  $('tab-steps').classList.toggle('active', name === 'steps');
  if (name === 'steps') loadStepWindow();
}

async function loadStepWindow() {
  const from = Math.max(0, state.step - 25);
  const page = await api('/api/steps', { from, count: 51 });
  const list = $('steps');
  list.textContent = '';
  for (const step of page.steps) {
    const item = el('li', step.step === state.step ? 'current' : '',
      '#' + step.step + '  ' + '  '.repeat(Math.min(step.depth, 30)) + step.function + '  ' + baseName(step.path) + ':' + step.line);
    item.addEventListener('click', () => goTo(step.step));
    list.appendChild(item);
  }
  const current = list.querySelector('.current');
  if (current) current.scrollIntoView({ block: 'center' });
}

// ---- timeline

async function drawTimeline() {
  const canvas = $('timeline');
  const width = Math.max(100, canvas.clientWidth);
  const t = state.timeline;
  try {
    t.data = await api('/api/timeline', { from: t.from, to: t.to, buckets: Math.floor(width / 2) });
  } catch (error) {
    showNote(error.message);
    return;
  }
  $('timeline-range').textContent = t.data.from === 0 && t.data.to === state.stepCount
    ? '' : 'steps ' + t.data.from.toLocaleString() + '–' + t.data.to.toLocaleString() + ' (double-click: whole run)';
  drawTimelineMarkers();
}

function drawTimelineMarkers() {
  const data = state.timeline.data;
  if (!data) return;
  const canvas = $('timeline');
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  const buckets = data.max_depth.length;
  const deepest = Math.max(1, ...data.max_depth);
  const barWidth = width / buckets;
  const plot = height - 10;
  for (let i = 0; i < buckets; i++) {
    if (data.max_depth[i] < 0) continue;
    const top = plot - (data.max_depth[i] + 1) / (deepest + 1) * plot;
    const bottom = plot - (data.min_depth[i]) / (deepest + 1) * plot;
    g.fillStyle = '#9db7ea';
    g.fillRect(i * barWidth, top, Math.max(1, barWidth - 0.5), Math.max(1, bottom - top));
    if (data.outputs[i] > 0) {
      g.fillStyle = '#6b7280';
      g.fillRect(i * barWidth, height - 6, Math.max(1, barWidth), 4);
    }
  }
  const span = Math.max(1, data.to - data.from);
  const x = (step) => (step - data.from) / span * width;
  if (state.failureStep >= data.from && state.failureStep < data.to) {
    g.fillStyle = '#c62828';
    g.fillRect(x(state.failureStep) - 1, 0, 3, height);
  }
  if (state.step >= data.from && state.step < data.to) {
    g.fillStyle = '#e0a800';
    g.fillRect(x(state.step) - 1, 0, 2, height);
  }
}

function stepAtX(offsetX) {
  const data = state.timeline.data;
  const width = $('timeline').clientWidth;
  const step = Math.floor(data.from + offsetX / width * (data.to - data.from));
  return Math.max(0, Math.min(state.stepCount - 1, step));
}

function onTimelineClick(event) {
  if (state.timeline.data) goTo(stepAtX(event.offsetX));
}

function onTimelineWheel(event) {
  const data = state.timeline.data;
  if (!data) return;
  event.preventDefault();
  const center = stepAtX(event.offsetX);
  const span = data.to - data.from;
  const next = Math.max(50, Math.min(state.stepCount, Math.round(span * (event.deltaY > 0 ? 1.5 : 0.66))));
  let from = Math.round(center - (center - data.from) / span * next);
  from = Math.max(0, Math.min(state.stepCount - next, from));
  state.timeline.from = from;
  state.timeline.to = from + next;
  drawTimeline();
}

// ---- rr recordings

async function startRr(recording) {
  $('rr-view').hidden = false;
  $('rr-command').textContent = recording.rr_replay_command;
  $('btn-copy-command').addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(recording.rr_replay_command));
  const sources = await api('/api/sources');
  const list = $('source-list');
  for (const file of sources.files) {
    const item = el('li', null, file);
    item.addEventListener('click', async () => {
      for (const old of list.querySelectorAll('.selected')) old.classList.remove('selected');
      item.classList.add('selected');
      await showRrSource(file);
    });
    list.appendChild(item);
  }
  if (sources.files.length === 0) list.appendChild(el('li', 'muted', 'no sources were copied into the recording'));
  $('function-filter').addEventListener('input', (event) => loadFunctions(event.target.value));
  await loadFunctions('');
}

async function showRrSource(file, line) {
  $('rr-source-title').textContent = file;
  try {
    const source = await api('/api/source', { path: file });
    renderSourceText($('rr-source'), source.text, false);
    if (line) {
      const row = $('rr-source').querySelector('.line[data-line="' + line + '"]');
      if (row) { row.classList.add('current'); row.scrollIntoView({ block: 'center' }); }
    }
  } catch (error) {
    $('rr-source').textContent = error.message;
  }
}

async function loadFunctions(filter) {
  const page = await api('/api/functions', { filter, count: 500 });
  const body = $('function-list');
  body.textContent = '';
  for (const f of page.functions) {
    const row = el('tr');
    row.append(el('td', null, f.name), el('td', 'where', f.path ? baseName(f.path) + ':' + f.line : ''));
    if (f.path) row.addEventListener('click', () => showRrSource(f.path, f.line));
    body.appendChild(row);
  }
  $('function-count').textContent = page.total + ' functions' + (page.total > page.functions.length ? ' (first ' + page.functions.length + ' shown)' : '');
}

start();
