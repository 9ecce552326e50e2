/* global document, window, history, location, fetch, URLSearchParams, Chart */
// The indicator dashboard's client: reads the filters from the URL, runs each chart's query against
// /graphql (same origin, the browser's own credentials) and draws it with Chart.js. No inline script:
// the charts' queries come from the page's JSON block (src/server/dashboard.ts).
(() => {
  'use strict';

  const spec = JSON.parse(document.getElementById('dashboard-spec').textContent);
  const today = document.body.dataset.today;
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  const PROVINCE = /^\d{2}$/;
  const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const drawn = new Map();
  const provinceNames = new Map();
  // a newer filter change wins: answers to an older one are dropped
  let generation = 0;

  Chart.defaults.font.family = `'${spec.font}', system-ui, sans-serif`;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#333';

  // --- dates (UTC+7 local days as YYYY-MM-DD text; Date only for month arithmetic in UTC) ---
  const isDay = (s) => DAY.test(s) && new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s;
  const iso = (d) => d.toISOString().slice(0, 10);
  const ymd = (s) => s.split('-').map(Number);
  /** The last full month before today: the default period. */
  function lastFullMonth() {
    const [y, m] = ymd(today);
    return { from: iso(new Date(Date.UTC(y, m - 2, 1))), to: iso(new Date(Date.UTC(y, m - 1, 0))) };
  }
  /** First day of the 12-month window that ends with the month of `to`. */
  const twelveMonthsTo = (to) => {
    const [y, m] = ymd(to);
    return iso(new Date(Date.UTC(y, m - 12, 1)));
  };

  // --- filters: the URL is the state, so a view can be bookmarked and shared ---
  function readFilters() {
    const p = new URLSearchParams(location.search);
    const problems = [];
    let province = p.get('province') || '';
    if (province && !PROVINCE.test(province)) {
      problems.push(`Mã tỉnh "${province}" không hợp lệ — not a province code; showing every province.`);
      province = '';
    }
    let { from, to } = lastFullMonth();
    const pf = p.get('from');
    const pt = p.get('to');
    if (pf || pt) {
      if (!isDay(pf || '') || !isDay(pt || '')) {
        problems.push('Ngày không hợp lệ (YYYY-MM-DD) — invalid dates; showing the last full month.');
      } else if (pf > pt) {
        problems.push('"Từ ngày" sau "Đến ngày" — from is after to; showing the last full month.');
      } else {
        from = pf;
        to = pt;
      }
    }
    return { province, from, to, problems };
  }

  function writeForm(f) {
    document.getElementById('province').value = f.province;
    document.getElementById('from').value = f.from;
    document.getElementById('to').value = f.to;
  }

  /** The day `days` before `to`. */
  const daysBefore = (to, days) => iso(new Date(Date.parse(to + 'T00:00:00Z') - days * 86_400_000));

  function variablesFor(chart, f) {
    const from =
      chart.span === 'months'
        ? twelveMonthsTo(f.to)
        : chart.span === 'backlog'
          ? daysBefore(f.to, spec.backlogDays)
          : f.from;
    const v = { from, to: f.to };
    // absent, not null: every province the caller may read
    if (f.province) v.provinces = [f.province];
    return v;
  }

  // --- talking to the hub ---
  class HubError extends Error {}

  async function gql(query, variables) {
    let res;
    try {
      res = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
        },
        credentials: 'same-origin',
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new HubError('Không kết nối được hub — the hub cannot be reached.');
    }
    if (res.status === 401)
      throw new HubError(
        'Hub này chỉ trả lời khi có khóa API hoặc token (401) — this hub answers only callers with an API key or token; ' +
          'open the dashboard from the hub machine or set ANONYMOUS_READ.',
      );
    if (res.status === 429)
      throw new HubError('Quá nhiều yêu cầu, thử lại sau (429) — rate limited, try again later.');
    let body;
    try {
      body = await res.json();
    } catch {
      throw new HubError(`Hub trả lời lỗi HTTP ${res.status} — the hub answered HTTP ${res.status}.`);
    }
    return body;
  }

  function describeErrors(errors) {
    return errors.map((e) => {
      const code = (e.extensions && e.extensions.code) || 'ERROR';
      return code === 'SOURCE_UNAVAILABLE'
        ? `Thiếu số liệu của một tỉnh — a province did not answer (SOURCE_UNAVAILABLE): ${e.message}`
        : `${code}: ${e.message}`;
    });
  }

  // --- drawing ---
  const text = (v) => (v === null || v === undefined ? '—' : String(v));
  function cellValue(row, key) {
    if (key === 'unit') return row.unit ? row.unit.name : null;
    if (key === 'province') return row.province ? row.province.name : null;
    return row[key];
  }
  function format(v, col) {
    if (v === null || v === undefined) return '—';
    if (col.percent) return `${percent.format(v * 100)} %`;
    if (typeof v === 'number') return number.format(v);
    return String(v);
  }
  function label(row, chart, f) {
    if (chart.label === 'period') {
      const [y, m] = (row.period || '').split('-');
      return m ? `${m}/${y}` : text(row.period);
    }
    if (chart.label === 'field') return text(row.field);
    const unit = row.unit ? row.unit.name : '(đơn vị không rõ)';
    return f.province || !row.province ? unit : `${unit} · ${row.province.name}`;
  }
  const short = (s) => (s.length > 42 ? s.slice(0, 40) + '…' : s);

  function fillTable(section, chart, rows) {
    const table = section.querySelector('table');
    const head = document.createElement('tr');
    for (const col of chart.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = col.title;
      head.append(th);
    }
    table.tHead.replaceChildren(head);
    const body = rows.map((row) => {
      const tr = document.createElement('tr');
      for (const col of chart.columns) {
        const v = cellValue(row, col.key);
        const td = document.createElement('td');
        td.dataset.key = col.key;
        // the raw value, as the API gave it: the browser test compares it with a direct query
        td.dataset.value = JSON.stringify(v === undefined ? null : v);
        td.textContent = format(v, col);
        if (typeof v === 'number') td.className = 'num';
        tr.append(td);
      }
      return tr;
    });
    table.tBodies[0].replaceChildren(...body);
  }

  function drawTiles(section, chart, total) {
    const dl = section.querySelector('dl.tiles');
    dl.replaceChildren(
      ...chart.columns.flatMap((col) => {
        const div = document.createElement('div');
        const dt = document.createElement('dt');
        dt.textContent = col.title;
        const dd = document.createElement('dd');
        dd.dataset.key = col.key;
        dd.textContent = format(total[col.key], col);
        div.append(dt, dd);
        return [div];
      }),
    );
  }

  function drawChart(section, chart, rows, f) {
    const canvas = section.querySelector('canvas');
    const col = chart.columns.find((c) => c.key === chart.value);
    const labels = rows.map((r) => label(r, chart, f));
    const data = rows.map((r) => {
      const v = r[chart.value];
      return v === null || v === undefined ? null : col.percent ? Math.round(v * 1000) / 10 : v;
    });
    const color = chart.value === 'overdue' ? '#c62828' : '#1565c0';
    const valueAxis = {
      beginAtZero: true,
      ...(col.percent ? { max: 100, ticks: { callback: (v) => `${v} %` } } : { ticks: { precision: 0 } }),
    };
    const config = {
      type: chart.kind === 'line' ? 'line' : 'bar',
      data: {
        labels: chart.kind === 'hbar' ? labels.map(short) : labels,
        datasets: [
          {
            label: col.title,
            data,
            borderColor: color,
            backgroundColor: chart.kind === 'line' ? color + '22' : color + 'cc',
            fill: chart.kind === 'line',
            spanGaps: true,
            tension: 0.2,
          },
        ],
      },
      options: {
        // drawn at once: no animation to wait for, and less work on old office PCs
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: chart.kind === 'hbar' ? 'y' : 'x',
        scales: chart.kind === 'hbar' ? { x: valueAxis } : { y: valueAxis },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? labels[items[0].dataIndex] : ''),
              label: (item) => `${col.title}: ${format(rows[item.dataIndex][chart.value], col)}`,
            },
          },
        },
      },
    };
    const box = section.querySelector('.canvas-box');
    if (chart.kind === 'hbar') box.style.height = `${Math.max(160, rows.length * 26 + 60)}px`;
    const old = drawn.get(chart.id);
    if (old) old.destroy();
    drawn.set(chart.id, new Chart(canvas, config));
  }

  function showMessage(section, message) {
    const p = section.querySelector('.message');
    p.textContent = message || '';
    p.hidden = !message;
  }

  function clear(section, chart) {
    const old = drawn.get(chart.id);
    if (old) old.destroy();
    drawn.delete(chart.id);
    if (chart.kind === 'tiles') section.querySelector('dl.tiles').replaceChildren();
    section.querySelector('table').tHead.replaceChildren();
    section.querySelector('table').tBodies[0].replaceChildren();
  }

  async function loadChart(chart, f, gen, warnings) {
    const section = document.getElementById(chart.id);
    const variables = variablesFor(chart, f);
    const link = new URLSearchParams({ query: chart.query, variables: JSON.stringify(variables) });
    section.querySelector('a.graphiql-link').href = `/graphiql?${link}`;
    section.dataset.state = 'loading';
    let body;
    try {
      body = await gql(chart.query, variables);
    } catch (e) {
      if (gen !== generation) return;
      clear(section, chart);
      showMessage(section, e instanceof HubError ? e.message : String(e));
      section.dataset.state = 'error';
      warnings.push(e instanceof HubError ? e.message : String(e));
      return;
    }
    if (gen !== generation) return;
    const table = body.data && body.data.indicators;
    const errors = body.errors ? describeErrors(body.errors) : [];
    warnings.push(...errors);
    if (!table) {
      clear(section, chart);
      showMessage(section, errors.join(' ') || 'Không có số liệu — no data.');
      section.dataset.state = 'error';
      return;
    }
    const rows =
      chart.kind === 'tiles'
        ? [table.total]
        : table.rows.filter((r) => !chart.omitZero || r[chart.value] !== 0);
    fillTable(section, chart, rows);
    if (chart.kind === 'tiles') drawTiles(section, chart, table.total);
    else if (rows.length) drawChart(section, chart, rows, f);
    else clear(section, chart);
    const empty = chart.kind !== 'tiles' && !rows.length;
    showMessage(
      section,
      [
        empty ? 'Không có hồ sơ nào — no dossiers to show.' : '',
        errors.length ? 'Số liệu chưa đủ — partial data.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    section.dataset.state = empty ? 'empty' : errors.length ? 'partial' : 'ready';
  }

  function showBanner(lines) {
    const banner = document.getElementById('banner');
    const unique = [...new Set(lines)];
    banner.textContent = unique.join('\n');
    banner.hidden = unique.length === 0;
  }

  async function load() {
    const gen = ++generation;
    const f = readFilters();
    const warnings = [...f.problems];
    if (f.province && provinceNames.size && !provinceNames.has(f.province)) {
      warnings.push(
        `Hub không có tỉnh mã ${f.province} — the hub has no province ${f.province}; showing every province.`,
      );
      f.province = '';
    }
    writeForm(f);
    document.body.dataset.state = 'loading';
    await Promise.all(spec.charts.map((c) => loadChart(c, f, gen, warnings)));
    if (gen !== generation) return;
    showBanner(warnings);
    document.body.dataset.state = 'ready';
  }

  async function loadProvinces() {
    try {
      const body = await gql(spec.provincesQuery, {});
      const list = (body.data && body.data.provinces) || [];
      const select = document.getElementById('province');
      for (const p of list) {
        provinceNames.set(p.code, p.name);
        const o = document.createElement('option');
        o.value = p.code;
        o.textContent = `${p.name} (${p.code})`;
        select.append(o);
      }
    } catch {
      // the charts' own requests say what went wrong
    }
  }

  function apply(event) {
    if (event) event.preventDefault();
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    const province = document.getElementById('province').value;
    const p = new URLSearchParams();
    if (province) p.set('province', province);
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    history.pushState(null, '', `/dashboard?${p}`);
    void load();
  }

  async function main() {
    document.getElementById('to').max = today;
    document.getElementById('from').max = today;
    document.getElementById('filters').addEventListener('submit', apply);
    document.getElementById('province').addEventListener('change', () => apply());
    window.addEventListener('popstate', () => void load());
    // canvas text is drawn once: the Vietnamese glyphs must be loaded before the first chart
    const fonts = Promise.all([
      document.fonts.load(`12px '${spec.font}'`, 'Tỷ lệ đúng hạn'),
      document.fonts.load(`bold 12px '${spec.font}'`, 'Tỷ lệ đúng hạn'),
    ]).catch(() => undefined);
    await Promise.all([loadProvinces(), fonts]);
    await load();
  }

  void main();
})();
