/* trial-audit HTML report. Static code: every record value reaches the page through
 * textContent / createTextNode only (never innerHTML, outerHTML, insertAdjacentHTML,
 * document.write or eval), and the only hrefs it writes are "#…" anchors it builds itself. */
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('data').textContent);
  var PAGE = 200;
  var SEVS = ['error', 'warning', 'info'];
  var SEV_RANK = { error: 3, warning: 2, info: 1 };
  var SAFE_CODE = /^[A-Za-z0-9_.:-]{1,40}$/;

  // ---------- DOM helpers (text only) ----------
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, kids) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (kids !== undefined && kids !== null) append(n, kids);
    return n;
  }
  function append(n, kids) {
    if (!Array.isArray(kids)) kids = [kids];
    for (var i = 0; i < kids.length; i++) {
      var k = kids[i];
      if (k === null || k === undefined || k === false) continue;
      n.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return n;
  }
  function link(hash, kids, cls) {
    var a = el('a', cls, kids);
    a.setAttribute('href', '#' + hash);
    return a;
  }
  function fmt(n) { return Number(n || 0).toLocaleString('en-US'); }
  function plural(n, one, many) { return fmt(n) + ' ' + (n === 1 ? one : (many || one + 's')); }
  function sevBadge(s) { return el('span', 'sev ' + (SEV_RANK[s] ? s : ''), s); }
  function clip(s, n) { s = String(s || ''); s = s.replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function button(text, cls, onclick) { var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', onclick); return b; }

  // ---------- data ----------
  var records = DATA.records || [];
  var rules = DATA.rules || [];
  var RULES = {};
  rules.forEach(function (r) { RULES[r.code] = r; });
  var ROWS = [];
  records.forEach(function (r, ri) {
    r._i = ri;
    (r.findings || []).forEach(function (f, fi) { ROWS.push({ ri: ri, fi: fi, r: r, f: f, hay: null }); });
  });
  // the findings table lists errors first, then warnings, then info, in reading order within each
  ROWS.sort(function (a, b) { return (SEV_RANK[b.f.severity] - SEV_RANK[a.f.severity]) || a.ri - b.ri || a.fi - b.fi; });
  function recHay(r) {
    if (r._hay === undefined) r._hay = [r.id, r.title, r.source, r.format, r.status].join('\n').toLowerCase();
    return r._hay;
  }
  function rowHay(row) {
    if (row.hay === null) {
      var f = row.f, e = f.evidence || {};
      var rel = (f.related || []).map(function (x) { return x.field + ' ' + x.text; }).join(' ');
      row.hay = (recHay(row.r) + '\n' + [f.rule, f.name, f.category, f.field, f.message, e.text, rel, f.suggestion].join('\n')).toLowerCase();
    }
    return row.hay;
  }
  function ruleHash(code) { return SAFE_CODE.test(code) ? 'rule-' + code : null; }
  function ruleLink(code, withName) {
    var h = ruleHash(code);
    var kids = [el('span', 'rule', code)];
    if (withName && RULES[code]) kids.push(el('span', 'rulename', RULES[code].name));
    return h ? link(h, kids) : el('span', null, kids);
  }
  function recLink(r, kids) { return link('record-' + r._i, kids); }

  // ---------- header ----------
  // the run's reference date, and the records' own ones (a CSV export's inferred date, ...)
  function asOfItem() {
    var own = DATA.record_as_of || [];
    var span = el('span', null, ['as of ', el('b', null, DATA.as_of || '—'),
      own.length ? ' (records with their own date: ' +
        own.slice(0, 3).map(function (g) { return g.as_of + ', ' + g.source; }).join('; ') +
        (own.length > 3 ? '; …' : '') + ')' : '']);
    span.title = DATA.as_of_statement || '';
    return span;
  }
  function renderHeader() {
    var m = $('meta'), s = DATA.summary, t = DATA.tool || {};
    function item(label, value) { return el('span', null, [label + ' ', el('b', null, value)]); }
    append(m, [
      item('records', fmt(s.records)),
      asOfItem(),
      item('generated', DATA.generated || '—'),
      item('inputs', clip((DATA.inputs || []).join(', '), 80) || '—'),
      item('fail on', DATA.fail_on || 'error'),
    ]);
    if (DATA.baseline) m.appendChild(item('baseline', clip(DATA.baseline, 60)));
    var v = $('verdict');
    v.className = 'verdict ' + (DATA.failing ? 'fail' : 'pass');
    v.textContent = DATA.failing ? 'Fails at --fail-on ' + DATA.fail_on : 'Passes at --fail-on ' + DATA.fail_on;
    if (t.version) document.title = 'trial-audit report — ' + fmt(s.records) + ' records, ' + fmt(s.findings) + ' findings';
  }

  // ---------- summary ----------
  function card(n, label, cls, onclick) {
    var c = el('div', 'card ' + (cls || ''), [el('div', 'n', fmt(n)), el('div', 'l', label)]);
    return c;
  }
  function bars(title, entries, kind, onpick) {
    var box = el('div', 'chart', el('h3', null, title));
    var list = el('div', 'bars');
    var max = 0;
    entries.forEach(function (e) { if (e.n > max) max = e.n; });
    if (!entries.length) list.appendChild(el('div', 'empty', 'no findings'));
    entries.forEach(function (e) {
      var fill = el('span', 'fill ' + (e.cls || ''));
      fill.style.width = (max ? Math.max(1, Math.round(100 * e.n / max)) : 0) + '%';
      var b = el('button', 'bar', [el('span', 'k', e.label), el('span', 'track', fill), el('span', 'v', fmt(e.n))]);
      b.type = 'button';
      b.title = e.title || e.label;
      b.setAttribute('data-' + kind, e.key);
      b.addEventListener('click', function () { onpick(e.key); });
      list.appendChild(b);
    });
    box.appendChild(list);
    return box;
  }
  function renderSummary() {
    var s = DATA.summary, sec = $('summary'), sv = s.findings_by_severity || {};
    var cards = el('div', 'cards', [
      card(s.records, 'records'),
      card(s.audited, 'audited'),
      card(s.unreadable, 'unreadable', s.unreadable ? 'error' : ''),
      card(s.records_with_findings, 'records with findings'),
      card(s.findings, 'findings'),
      card(sv.error, 'errors', 'error'),
      card(sv.warning, 'warnings', 'warning'),
      card(sv.info, 'info', 'info'),
      card(s.suppressed, 'suppressed (baseline)', 'suppressed'),
    ]);
    var sevE = SEVS.map(function (k) { return { key: k, label: k, n: sv[k] || 0, cls: k }; });
    var catE = Object.keys(s.findings_by_category || {}).map(function (k) { return { key: k, label: k, n: s.findings_by_category[k] }; })
      .sort(function (a, b) { return b.n - a.n || (a.key < b.key ? -1 : 1); });
    var ruleE = Object.keys(s.findings_by_rule || {}).map(function (k) {
      var r = RULES[k];
      return { key: k, label: k + (r ? ' ' + r.name : ''), n: s.findings_by_rule[k], cls: r ? r.severity : '', title: r ? r.summary : k };
    }).sort(function (a, b) { return b.n - a.n || (a.key < b.key ? -1 : 1); });
    var charts = el('div', 'charts', [
      bars('Findings by severity', sevE, 'sev', function (k) { pick('sev', k); }),
      bars('By category', catE, 'cat', function (k) { pick('cat', k); }),
      bars('By rule', ruleE, 'rule', function (k) { pick('rule', k); }),
    ]);
    append(sec, [cards, charts]);
  }

  // ---------- gate ----------
  var RECORD_BY_ID = null;
  function recordById(id) {
    if (!RECORD_BY_ID) { RECORD_BY_ID = new Map(); records.forEach(function (r) { if (!RECORD_BY_ID.has(r.id)) RECORD_BY_ID.set(r.id, r); }); }
    return RECORD_BY_ID.get(id);
  }
  function renderGate() {
    var g = DATA.gate;
    if (!g) return;
    var sec = $('gate');
    sec.hidden = false;
    var box = el('div', 'gatebox');
    box.appendChild(el('div', 'gatehead', [
      el('h2', null, 'Submission gate'),
      el('span', 'sev ' + (g.success ? 'ok' : 'error'), g.success ? 'passed' : 'failed'),
      el('span', 'sub', fmt(g.passed) + ' of ' + fmt(g.evaluated) + ' expectations met · suite ' + (g.suite || '—')),
    ]));
    var tb = el('tbody');
    var exps = (g.expectations || []).slice().sort(function (a, b) { return (a.success ? 1 : 0) - (b.success ? 1 : 0); });
    var passedRows = [];
    exps.forEach(function (e) {
      var failed = e.failed_records || [];
      var cell = el('td');
      failed.slice(0, 30).forEach(function (id, i) {
        if (i) cell.appendChild(document.createTextNode(', '));
        var r = recordById(String(id));
        cell.appendChild(r ? recLink(r, String(id)) : el('span', null, String(id)));
      });
      if (failed.length > 30) cell.appendChild(document.createTextNode(' … and ' + fmt(failed.length - 30) + ' more'));
      var kw = el('td', 'mono', clip(JSON.stringify(e.kwargs || {}), 140));
      var row = el('tr', e.success ? 'gatepass' : 'gatefail', [
        el('td', null, el('span', 'sev ' + (e.success ? 'ok' : 'error'), e.success ? 'pass' : 'fail')),
        el('td', 'mono', String(e.expectation || '')),
        el('td', 'mono', e.column != null ? String(e.column) : (e.kwargs && e.kwargs.column_A ? String(e.kwargs.column_A) + ', ' + String(e.kwargs.column_B) : '—')),
        kw,
        el('td', 'num', fmt(e.unexpected_count)),
        cell,
      ]);
      tb.appendChild(row);
      if (e.success) passedRows.push(row);
    });
    var head = el('tr', null, ['result', 'expectation', 'column', 'arguments', 'unexpected', 'failed records'].map(function (h) { return el('th', null, h); }));
    box.appendChild(el('div', 'tablewrap', el('table', 'gatetable', [el('thead', null, head), tb])));
    var failedCount = exps.length - passedRows.length;
    if (failedCount && passedRows.length > 3) {
      // failed expectations first; the passed ones behind a toggle
      passedRows.forEach(function (r) { r.hidden = true; });
      var shown = false;
      var toggle = button('Show the ' + fmt(passedRows.length) + ' passed expectations', 'linkbtn gatetoggle', function () {
        shown = !shown;
        passedRows.forEach(function (r) { r.hidden = !shown; });
        toggle.textContent = shown ? 'Hide the passed expectations' : 'Show the ' + fmt(passedRows.length) + ' passed expectations';
      });
      box.appendChild(toggle);
    }
    sec.appendChild(box);
  }

  // ---------- filters ----------
  var state = { view: 'findings', sev: '', cat: '', rule: '', status: 'all', q: '', page: 0, sort: '', desc: false };
  var filteredRows = ROWS, filteredRecords = records;

  function option(sel, value, label) { var o = el('option', null, label); o.value = value; sel.appendChild(o); }
  function renderFilters() {
    var s = DATA.summary;
    var sev = $('f-sev'); option(sev, '', 'All severities'); SEVS.forEach(function (k) { option(sev, k, k); });
    var cats = {};
    ROWS.forEach(function (r) { cats[r.f.category] = 1; });
    var cat = $('f-cat'); option(cat, '', 'All categories');
    Object.keys(cats).sort().forEach(function (k) { option(cat, k, k); });
    var codes = {};
    ROWS.forEach(function (r) { codes[r.f.rule] = 1; });
    var rule = $('f-rule'); option(rule, '', 'All rules');
    Object.keys(codes).sort().forEach(function (k) { option(rule, k, k + (RULES[k] ? ' ' + RULES[k].name : '')); });
    var st = $('f-status');
    option(st, 'all', 'Active + suppressed');
    option(st, 'active', 'Active only');
    option(st, 'suppressed', 'Suppressed only');
    $('f-sev').addEventListener('change', function () { state.sev = this.value; apply(); });
    $('f-cat').addEventListener('change', function () { state.cat = this.value; apply(); });
    $('f-rule').addEventListener('change', function () { state.rule = this.value; apply(); });
    $('f-status').addEventListener('change', function () { state.status = this.value; apply(); });
    var timer = null;
    $('q').addEventListener('input', function () {
      var v = this.value;
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = v.trim().toLowerCase(); apply(); }, 120);
    });
    $('reset').addEventListener('click', function () {
      state.sev = state.cat = state.rule = state.q = state.sort = ''; state.status = 'all'; state.desc = false;
      $('q').value = ''; $('f-sev').value = ''; $('f-cat').value = ''; $('f-rule').value = ''; $('f-status').value = 'all';
      apply();
    });
    $('tab-findings').addEventListener('click', function () { setView('findings'); });
    $('tab-records').addEventListener('click', function () { setView('records'); });
  }
  function pick(kind, key) {
    state[kind] = key;
    $('f-' + kind).value = key;
    apply();
    $('explore').scrollIntoView({ block: 'start' });
  }
  function setView(v) {
    state.view = v;
    $('tab-findings').classList.toggle('active', v === 'findings');
    $('tab-records').classList.toggle('active', v === 'records');
    $('tab-findings').setAttribute('aria-selected', String(v === 'findings'));
    $('tab-records').setAttribute('aria-selected', String(v === 'records'));
    state.page = 0;
    render();
  }
  function findingFilters() { return state.sev || state.cat || state.rule || state.status !== 'all'; }
  function rowMatches(row) {
    var f = row.f;
    if (state.sev && f.severity !== state.sev) return false;
    if (state.cat && f.category !== state.cat) return false;
    if (state.rule && f.rule !== state.rule) return false;
    if (state.status === 'active' && f.suppressed) return false;
    if (state.status === 'suppressed' && !f.suppressed) return false;
    if (state.q && rowHay(row).indexOf(state.q) === -1) return false;
    return true;
  }
  function apply() {
    filteredRows = (findingFilters() || state.q) ? ROWS.filter(rowMatches) : ROWS;
    if (!findingFilters() && !state.q) {
      filteredRecords = records;
    } else {
      var hit = new Uint8Array(records.length);
      filteredRows.forEach(function (row) { hit[row.ri] = 1; });
      if (!findingFilters() && state.q) records.forEach(function (r, i) { if (recHay(r).indexOf(state.q) !== -1) hit[i] = 1; });
      filteredRecords = records.filter(function (r, i) { return hit[i] === 1; });
    }
    sortRows();
    state.page = 0;
    render();
  }

  // ---------- sorting ----------
  var SORT_KEYS = {
    severity: function (row) { return -SEV_RANK[row.f.severity]; },
    record: function (row) { return row.ri; },
    rule: function (row) { return row.f.rule; },
    category: function (row) { return row.f.category; },
    field: function (row) { return row.f.field || ''; },
  };
  function sortRows() {
    var key = SORT_KEYS[state.sort];
    if (!key || state.view !== 'findings') return;
    var dir = state.desc ? -1 : 1;
    filteredRows = filteredRows.map(function (row, i) { return { k: key(row), i: i, row: row }; })
      .sort(function (a, b) { return (a.k < b.k ? -dir : a.k > b.k ? dir : 0) || a.i - b.i; })
      .map(function (x) { return x.row; });
  }
  function setSort(key) {
    if (state.sort === key) state.desc = !state.desc; else { state.sort = key; state.desc = false; }
    apply();
  }

  // ---------- table ----------
  function th(text, cls) {
    if (state.view !== 'findings' || !SORT_KEYS[text]) return el('th', cls, text);
    var arrow = state.sort === text ? (state.desc ? ' ▼' : ' ▲') : '';
    var b = button(text + arrow, 'sort', function () { setSort(text); });
    b.setAttribute('data-sort', text);
    var h = el('th', cls, b);
    if (state.sort === text) h.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
    return h;
  }
  function renderPager(holder, total) {
    holder.replaceChildren();
    var pages = Math.max(1, Math.ceil(total / PAGE));
    if (pages <= 1) return;
    var prev = button('‹ Prev', null, function () { state.page = Math.max(0, state.page - 1); render(); });
    var next = button('Next ›', null, function () { state.page = Math.min(pages - 1, state.page + 1); render(); });
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.className = 'prev'; next.className = 'next';
    append(holder, [prev, el('span', null, 'page ' + (state.page + 1) + ' of ' + fmt(pages)), next]);
  }
  function render() {
    var head = $('thead'), body = $('rows');
    var total = state.view === 'findings' ? filteredRows.length : filteredRecords.length;
    var all = state.view === 'findings' ? ROWS.length : records.length;
    var start = state.page * PAGE, end = Math.min(total, start + PAGE);
    var count = $('count');
    count.setAttribute('data-count', String(total));
    var nsup = 0;
    if (state.view === 'findings') filteredRows.forEach(function (row) { if (row.f.suppressed) nsup++; });
    count.textContent = (state.view === 'findings' ? plural(total, 'finding') : plural(total, 'record')) +
      (total !== all ? ' of ' + fmt(all) : '') + (nsup ? ' (' + fmt(nsup) + ' suppressed by the baseline)' : '') +
      (total > PAGE ? ' · showing ' + fmt(start + 1) + '–' + fmt(end) : '');
    var frag = document.createDocumentFragment();
    if (state.view === 'findings') {
      head.replaceChildren(el('tr', null, [th('severity'), th('record'), th('rule'), th('category'), th('field'), th('message'), th('evidence')]));
      for (var i = start; i < end; i++) frag.appendChild(findingRow(filteredRows[i]));
    } else {
      head.replaceChildren(el('tr', null, [th('record'), th('source'), th('status'), th('errors', 'num'), th('warnings', 'num'), th('info', 'num'), th('suppressed', 'num')]));
      for (var j = start; j < end; j++) frag.appendChild(recordRow(filteredRecords[j]));
    }
    body.replaceChildren(frag);
    if (!total) {
      var none = el('td', 'empty', 'Nothing matches these filters.');
      none.setAttribute('colspan', '7');
      body.appendChild(el('tr', 'none', none));
    }
    renderPager($('pager'), total);
    renderPager($('pager-top'), total);
  }
  function findingRow(row) {
    var f = row.f, r = row.r, e = f.evidence;
    var tr = el('tr', 'row' + (f.suppressed ? ' suppressed' : ''));
    tr.setAttribute('data-rule', f.rule);
    tr.setAttribute('data-severity', f.severity);
    tr.setAttribute('data-category', f.category);
    var sevCell = el('td', null, sevBadge(f.severity));
    if (f.suppressed) append(sevCell, [' ', el('span', 'sev sup', 'suppressed')]);
    append(tr, [
      sevCell,
      el('td', 'rec', [recLink(r, r.id), el('span', 't', r.title || r.source || '')]),
      el('td', null, ruleLink(f.rule, true)),
      el('td', null, f.category),
      el('td', 'fld', el('span', 'field', f.field || '—')),
      el('td', 'msg', f.message),
      el('td', 'ev', e && e.text ? el('span', 'quote', clip(e.text, 140)) : el('span', 'missing', e ? 'missing' : '')),
    ]);
    return tr;
  }
  function recordRow(r) {
    var c = { error: 0, warning: 0, info: 0, sup: 0 };
    (r.findings || []).forEach(function (f) { if (f.suppressed) c.sup++; else c[f.severity]++; });
    var tr = el('tr', 'row');
    var status = r.status === 'unreadable' ? el('span', 'sev unreadable', 'unreadable')
      : (c.error + c.warning + c.info ? el('span', null, r.status) : el('span', 'sev ok', 'clean'));
    append(tr, [
      el('td', 'rec', [recLink(r, r.id), el('span', 't', r.title || '')]),
      el('td', 'mono', clip(r.source, 80)),
      el('td', null, status),
      el('td', 'num', c.error ? el('span', 'sev error', fmt(c.error)) : '0'),
      el('td', 'num', c.warning ? el('span', 'sev warning', fmt(c.warning)) : '0'),
      el('td', 'num', c.info ? el('span', 'sev info', fmt(c.info)) : '0'),
      el('td', 'num', fmt(c.sup)),
    ]);
    return tr;
  }

  // ---------- panels ----------
  var CONTEXT = 280;
  function highlighted(text, start, end, cls, full) {
    // text before / <mark>evidence</mark> / after, clipped to some context unless full
    var pre = el('pre', 'ctx');
    var a = full ? 0 : Math.max(0, start - CONTEXT), b = full ? text.length : Math.min(text.length, end + CONTEXT);
    if (a > 0) { var s = text.lastIndexOf('\n', start); if (s >= a - 120 && s > 0 && s < start) a = s + 1; pre.appendChild(el('span', 'ell', '… ')); }
    pre.appendChild(document.createTextNode(text.slice(a, start)));
    pre.appendChild(el('mark', cls, start === end ? '' : text.slice(start, end)));
    pre.appendChild(document.createTextNode(text.slice(end, b)));
    if (b < text.length) pre.appendChild(el('span', 'ell', ' …'));
    return pre;
  }
  function locate(rec, ev) {
    // offsets into the field's full text (already UTF-16 units), or a search for the quote
    var text = (rec.texts || {})[ev.field];
    if (typeof text !== 'string') return null;
    var s = ev.start, e = ev.end;
    if (!(s >= 0 && e >= s && e <= text.length && text.slice(s, e) === (ev.text || ''))) {
      if (!ev.text) return null;
      s = text.indexOf(ev.text);
      if (s < 0) return null;
      e = s + ev.text.length;
    }
    return { text: text, start: s, end: e };
  }
  function evidenceBlock(rec, ev, label, cls) {
    var box = el('div', 'evidence');
    box.appendChild(el('div', 'evlabel', [label + ' ', el('span', 'field', ev.field || '—')]));
    var loc = locate(rec, ev);
    if (loc && loc.start !== loc.end) {
      var long = loc.text.length > loc.end - loc.start + 2 * CONTEXT;
      var pre = highlighted(loc.text, loc.start, loc.end, cls, false);
      box.appendChild(pre);
      if (long) {
        var full = false;
        var t = button('Show the whole field', 'linkbtn', function () {
          full = !full;
          var np = highlighted(loc.text, loc.start, loc.end, cls, full);
          box.replaceChild(np, pre); pre = np;
          t.textContent = full ? 'Show less' : 'Show the whole field';
        });
        box.appendChild(t);
      }
    } else if (ev.text) {
      box.appendChild(el('pre', 'ctx', el('mark', cls, ev.text)));
    } else {
      box.appendChild(el('div', 'missing', 'Missing: the source shows nothing here.'));
    }
    return box;
  }
  function findingCard(rec, f) {
    var c = el('div', 'fcard ' + f.severity + (f.suppressed ? ' suppressed' : ''));
    var head = el('div', 'fh', [sevBadge(f.severity), ruleLink(f.rule, false), el('span', 'rulename', f.name), el('span', 'sub', f.category)]);
    if (f.suppressed) head.appendChild(el('span', 'sev sup', 'suppressed (baseline)'));
    append(c, [head, el('div', 'msg', f.message)]);
    if (f.evidence) c.appendChild(evidenceBlock(rec, f.evidence, 'Evidence in', ''));
    (f.related || []).forEach(function (r) { c.appendChild(evidenceBlock(rec, r, 'Related evidence in', 'rel')); });
    if (f.suggestion) c.appendChild(el('div', 'fix', [el('b', null, 'Suggested fix: '), f.suggestion]));
    if (f.fix && f.fix.edits && f.fix.edits.length) {
      var how = f.fix.safety === 'safe' ? 'trial-audit audit --fix applies it' : 'trial-audit audit --fix --unsafe-fixes applies it';
      c.appendChild(el('div', 'fix', [el('b', null, 'Automatic fix (' + f.fix.safety + '): '), f.fix.message + '; ' + how + '.']));
    }
    return c;
  }
  function panelShell(titleKids, subKids, nav) {
    var p = $('panel');
    var close = button('Close ✕', 'close', closePanel);
    var ph = el('div', 'ph', [el('div', 'grow', [el('h2', null, titleKids), el('div', 'sub', subKids)])]);
    if (nav) append(ph, nav);
    ph.appendChild(close);
    var pb = el('div', 'pb');
    p.replaceChildren(ph, pb);
    p.hidden = false;
    $('scrim').hidden = false;
    p.scrollTop = 0;
    return pb;
  }
  function showRecord(i) {
    var rec = records[i];
    if (!rec) return closePanel();
    var list = state.view === 'records' ? filteredRecords : uniqueRecords(filteredRows);
    var pos = list.indexOf(rec);
    var nav = [];
    if (pos !== -1) {
      var prev = button('‹', 'prevrec', function () { location.hash = 'record-' + list[pos - 1]._i; });
      var next = button('›', 'nextrec', function () { location.hash = 'record-' + list[pos + 1]._i; });
      prev.title = 'Previous record (k)'; next.title = 'Next record (j)';
      prev.disabled = pos <= 0; next.disabled = pos >= list.length - 1;
      nav = [prev, el('span', 'sub', fmt(pos + 1) + ' / ' + fmt(list.length)), next];
    }
    var sub = [rec.source || '', rec.format ? ' · ' + rec.format : '', ' · ', rec.status === 'unreadable' ? el('span', 'sev unreadable', 'unreadable') : rec.status];
    var pb = panelShell(rec.id, sub, nav);
    pb.setAttribute('data-record', String(i));
    if (rec.title) pb.appendChild(el('p', 'rtitle', rec.title));
    var fs = (rec.findings || []).slice().sort(function (a, b) { return (a.suppressed - b.suppressed) || (SEV_RANK[b.severity] - SEV_RANK[a.severity]) || (a.rule < b.rule ? -1 : 1); });
    if (!fs.length) pb.appendChild(el('p', 'empty', 'No findings for this record.'));
    fs.forEach(function (f) { pb.appendChild(findingCard(rec, f)); });
  }
  var uniqCache = { rows: null, list: null };
  function uniqueRecords(rows) {
    if (uniqCache.rows === rows) return uniqCache.list;
    var seen = new Uint8Array(records.length), out = [];
    rows.forEach(function (row) { if (!seen[row.ri]) { seen[row.ri] = 1; out.push(row.r); } });
    uniqCache = { rows: rows, list: out };
    return out;
  }
  function docBlocks(doc, skip) {
    var box = el('div', 'doc');
    String(doc || '').split(/\n\s*\n/).forEach(function (para) {
      para = para.trim();
      // docstrings are hard-wrapped: join the lines of a paragraph, keep list items apart
      if (!para || para === skip) return;
      // a documentation section ("## Why it matters") is a heading, not a paragraph
      var head = /^##[ \t]+(.+)$/.exec(para.split('\n')[0]);
      if (head) {
        box.appendChild(el('h4', null, head[1]));
        para = para.split('\n').slice(1).join('\n').trim();
        if (!para) return;
      }
      box.appendChild(el('p', null, para.replace(/[ \t]*\n[ \t]*(?![-*•] |[0-9]+[.)] )/g, ' ')));
    });
    return box;
  }
  function exampleText(ex) {
    // a rule example is a small record: show multi-line text fields as text, the rest as JSON
    if (!ex || typeof ex !== 'object' || Array.isArray(ex)) return JSON.stringify(ex, null, 2);
    return Object.keys(ex).map(function (k) {
      var v = ex[k];
      if (typeof v === 'string' && v.indexOf('\n') !== -1) return k + ':\n  ' + v.split('\n').join('\n  ');
      return k + ': ' + JSON.stringify(v);
    }).join('\n');
  }
  function showRule(code) {
    var r = RULES[code];
    var pb = panelShell([code + ' ', el('span', 'rulename', r ? r.name : '')], r ? [r.category, ' · default ', sevBadge(r.severity)] : 'not a rule of this run');
    if (!r) return;
    var n = (DATA.summary.findings_by_rule || {})[code] || 0;
    pb.appendChild(el('p', null, [el('b', null, r.summary || ''), ' ', el('span', 'sub', plural(n, 'finding') + ' in this report')]));
    if (n) pb.appendChild(button('Show these findings', 'showrule', function () { closePanel(); setView('findings'); pick('rule', code); }));
    pb.appendChild(docBlocks(r.doc, (r.summary || '').trim()));
    [['Bad (fires)', r.bad || []], ['Good (does not fire)', r.good || []]].forEach(function (pair) {
      pair[1].forEach(function (ex) {
        pb.appendChild(el('div', 'evlabel', pair[0]));
        pb.appendChild(el('div', 'doc', el('pre', null, exampleText(ex))));
      });
    });
  }
  function closePanel() {
    $('panel').hidden = true;
    $('scrim').hidden = true;
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  }
  function route() {
    var h = decodeURIComponent(location.hash.slice(1));
    var m;
    if ((m = /^record-([0-9]+)$/.exec(h))) showRecord(parseInt(m[1], 10));
    else if ((m = /^rule-(.+)$/.exec(h)) && SAFE_CODE.test(m[1])) showRule(m[1]);
    else { $('panel').hidden = true; $('scrim').hidden = true; }
  }
  function keys(ev) {
    if (ev.target && (ev.target.tagName === 'INPUT' || ev.target.tagName === 'SELECT')) return;
    if (ev.key === 'Escape') closePanel();
    else if (!$('panel').hidden && (ev.key === 'j' || ev.key === 'k')) {
      var b = document.querySelector(ev.key === 'j' ? '#panel .nextrec' : '#panel .prevrec');
      if (b && !b.disabled) b.click();
    } else if (ev.key === '/') { ev.preventDefault(); $('q').focus(); }
  }

  // ---------- start ----------
  renderHeader();
  renderSummary();
  renderGate();
  renderFilters();
  render();
  $('scrim').addEventListener('click', closePanel);
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', keys);
  route();
  document.body.setAttribute('data-ready', '1');
})();
