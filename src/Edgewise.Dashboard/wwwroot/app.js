// The dashboard page: loads the equity curve from /api/pnl, then follows /api/stream (server-sent events, one
// snapshot at most every half second) and redraws the figures. Money arrives as exact decimal strings; it is turned
// into numbers only to format and chart it. Text from the server is always set as text, never as HTML.
'use strict';

(() => {
  const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const countFormat = new Intl.NumberFormat('en-US');
  const $ = (id) => document.getElementById(id);

  const money = (v) => (v === null || v === undefined ? '—' : moneyFormat.format(Number(v)));
  const exact = (v) => (v === null || v === undefined ? '—' : String(v));
  // A price keeps every digit it has and shows at least two decimals ("101" → "101.00", "0.0001234" as is).
  const price = (v) => {
    if (v === null || v === undefined) return '—';
    const text = String(v);
    const dot = text.indexOf('.');
    if (dot < 0) return `${text}.00`;
    return text.length - dot - 1 < 2 ? `${text}0` : text;
  };
  const count = (v) => (v === null || v === undefined ? '—' : countFormat.format(v));
  const sign = (v) => (v === null || v === undefined || Number(v) === 0 ? '' : Number(v) > 0 ? 'up' : 'down');
  const clock = (iso) => (iso ? iso.replace('T', ' ').replace(/(\.\d{3})\d*/, '$1').replace(/(\+00:00|Z)$/, '') : '—');
  const timeOfDay = (iso) => (iso ? clock(iso).slice(11) : '—');
  const age = (ms) => {
    if (ms === null || ms === undefined) return '—';
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60000)} min`;
  };

  function setText(id, text, cls) {
    const el = $(id);
    el.textContent = text;
    if (cls !== undefined) {
      el.classList.remove('up', 'down');
      if (cls) el.classList.add(cls);
    }
  }

  // Replaces a table's rows. cells(row) gives [text, className] pairs; an empty list shows the placeholder.
  function fillTable(id, rows, cells, placeholder, rowClass) {
    const body = $(id).tBodies[0];
    const fresh = document.createElement('tbody');
    if (rows.length === 0) {
      const tr = fresh.insertRow();
      const td = tr.insertCell();
      td.colSpan = $(id).tHead.rows[0].cells.length;
      td.className = 'empty';
      td.textContent = placeholder;
    }
    for (const row of rows) {
      const tr = fresh.insertRow();
      if (rowClass) tr.className = rowClass(row);
      for (const [text, cls] of cells(row)) {
        const td = tr.insertCell();
        td.textContent = text;
        if (cls) td.className = cls;
      }
    }
    body.replaceWith(fresh);
  }

  // ---- equity chart -------------------------------------------------------------------------------------------
  const chartHost = $('equity-chart');
  const charts = window.LightweightCharts;
  const chart = charts.createChart(chartHost, {
    autoSize: true,
    layout: { background: { type: 'solid', color: 'transparent' }, textColor: '#8593a5', attributionLogo: true },
    grid: { vertLines: { color: 'rgba(36, 48, 64, 0.5)' }, horzLines: { color: 'rgba(36, 48, 64, 0.5)' } },
    rightPriceScale: { borderColor: '#243040' },
    timeScale: { borderColor: '#243040', timeVisible: true, secondsVisible: true, fixLeftEdge: true },
    crosshair: { mode: 1 },
  });
  const equitySeries = chart.addSeries(charts.AreaSeries, {
    lineColor: '#4c9ffe',
    topColor: 'rgba(76, 159, 254, 0.35)',
    bottomColor: 'rgba(76, 159, 254, 0.02)',
    lineWidth: 2,
    priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
  });
  let lastEquityTime = null;
  let equityPoints = 0;
  // While the curve is short the whole of it is shown; past that the chart scrolls with new points and keeps the
  // zoom the user chose.
  const fitWhileShorterThan = 600;

  const toPoint = (p) => ({ time: p.time, value: Number(p.equity) });

  function setEquity(points) {
    equitySeries.setData(points.map(toPoint));
    lastEquityTime = points.length ? points[points.length - 1].time : null;
    equityPoints = points.length;
    chart.timeScale().fitContent();
  }

  // A streamed snapshot carries the newest points only. They overlap what the chart has unless points were missed
  // (a reconnect, a hidden tab): then the whole curve is fetched again.
  function appendEquity(points) {
    if (points.length === 0) return;
    if (lastEquityTime === null || points[0].time > lastEquityTime) {
      if (lastEquityTime === null) setEquity(points);
      loadEquity();
      return;
    }
    for (const p of points) {
      if (p.time >= lastEquityTime) {
        if (p.time > lastEquityTime) equityPoints += 1;
        equitySeries.update(toPoint(p));
        lastEquityTime = p.time;
      }
    }
    if (equityPoints < fitWhileShorterThan) chart.timeScale().fitContent();
  }

  let equityRequest = null;
  function loadEquity() {
    if (equityRequest) return;
    equityRequest = fetch('api/pnl', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((body) => setEquity(body.data.equity))
      .catch(() => { /* the stream keeps the chart going; the next gap retries */ })
      .finally(() => { equityRequest = null; });
  }

  // ---- snapshot rendering -------------------------------------------------------------------------------------
  function renderState(state, reason) {
    const badge = $('trading-state');
    badge.textContent = state;
    badge.className = `badge state-${String(state).toLowerCase()}`;
    setText('state-reason', reason || '');
  }

  function render(s) {
    renderState(s.risk.state, s.risk.reason);
    setText('engine-time', `${clock(s.time)} UTC`);
    setText('snapshot-seq', `· snapshot ${s.sequence}`);

    const p = s.portfolio;
    setText('equity-value', money(p.equity));
    setText('net-pnl-value', money(p.netPnl), sign(p.netPnl));
    setText('realized-value', money(p.realizedPnl), sign(p.realizedPnl));
    setText('unrealized-value', money(p.unrealizedPnl), sign(p.unrealizedPnl));
    setText('fees-value', money(p.fees));
    setText('cash-value', money(p.cash));

    setText('positions-count', p.openPositions ? `(${p.openPositions} open)` : '');
    fillTable('positions', s.positions, (r) => [
      [r.instrument],
      [exact(r.quantity), `num ${sign(r.quantity) === 'down' ? 'side-sell' : ''}`],
      [Number(r.quantity) === 0 ? '—' : price(r.averageEntryPrice), 'num'],
      [price(r.mark), 'num'],
      [money(r.unrealizedPnl), `num ${sign(r.unrealizedPnl)}`],
      [money(r.realizedPnl), `num ${sign(r.realizedPnl)}`],
      [money(r.fees), 'num'],
    ], 'No positions', (r) => (Number(r.quantity) === 0 ? 'flat' : ''));

    setText('orders-count', s.openOrderCount ? `(${s.openOrderCount})` : '');
    fillTable('orders', s.openOrders, (r) => [
      [timeOfDay(r.created)],
      [r.clientOrderId],
      [r.strategyId],
      [r.instrument],
      [r.side, r.side === 'Buy' ? 'side-buy' : 'side-sell'],
      [r.type],
      [r.price === null ? 'market' : price(r.price), 'num'],
      [exact(r.quantity), 'num'],
      [exact(r.filled), 'num'],
      [r.status],
    ], 'No open orders');

    setText('fills-count', s.totalFills ? `(${count(s.totalFills)} total)` : '');
    fillTable('fills', s.recentFills, (r) => [
      [timeOfDay(r.time)],
      [r.strategyId],
      [r.instrument],
      [r.side, r.side === 'Buy' ? 'side-buy' : 'side-sell'],
      [price(r.price), 'num'],
      [exact(r.quantity), 'num'],
      [exact(r.fee), 'num'],
      [r.liquidity],
      [money(r.realizedPnl), `num ${sign(r.realizedPnl)}`],
    ], 'No fills yet');

    fillTable('strategies', s.strategies, (r) => [
      [r.status === 'faulted' ? `${r.strategyId} (faulted)` : r.strategyId, r.status === 'faulted' ? 'down' : ''],
      [money(r.realizedPnl), `num ${sign(r.realizedPnl)}`],
      [money(r.fees), 'num'],
      [money(r.unrealizedPnl), `num ${sign(r.unrealizedPnl)}`],
      [money(r.netPnl), `num ${sign(r.netPnl)}`],
      [count(r.fills), 'num'],
    ], 'No strategies');

    fillTable('books', s.books, (r) => [
      [r.instrument],
      [r.health, r.health === 'Healthy' ? 'up' : 'warn'],
      [r.bidPrice === null ? '—' : `${price(r.bidPrice)} × ${exact(r.bidSize)}`, 'num'],
      [r.askPrice === null ? '—' : `${price(r.askPrice)} × ${exact(r.askSize)}`, 'num'],
      [age(r.ageMs), 'num'],
    ], 'No instruments');

    fillTable('feeds', s.feeds, (r) => [
      [r.feed],
      [r.state, r.connected ? 'up' : 'warn'],
      [r.messagesPerSecond.toFixed(1), 'num'],
      [age(r.lastMessageAgeMs), 'num'],
      [count(r.gaps), 'num'],
      [count(r.reconnects), 'num'],
    ], 'No live feeds (simulated or replayed data)');

    const risk = s.risk;
    setText('daily-pnl', money(risk.dailyRealizedPnl), sign(risk.dailyRealizedPnl));
    setText('consecutive-losses', count(risk.consecutiveLosses));
    setText('limit-order-qty', exact(risk.limits.maxOrderQuantity ?? 'none'));
    setText('limit-notional', risk.limits.maxNotionalTotal ? money(risk.limits.maxNotionalTotal) : 'none');
    setText('limit-daily-loss', risk.limits.maxDailyLoss ? money(risk.limits.maxDailyLoss) : 'none');

    const e = s.engine;
    setText('engine-messages', count(e.messagesDispatched));
    setText('engine-dropped', count(e.dataDropped));
    setText('engine-queued', `${count(e.pendingData)} / ${count(e.pendingCommands)}`);
    setText('engine-refused', count(e.refusedOrderEvents + e.unknownOrderEvents));

    appendEquity(s.equity);
  }

  // ---- live stream --------------------------------------------------------------------------------------------
  function setStream(live) {
    const el = $('stream-status');
    el.textContent = live ? 'live' : 'reconnecting…';
    el.className = `stream ${live ? 'stream-live' : 'stream-connecting'}`;
  }

  const stream = new EventSource('api/stream');
  stream.addEventListener('snapshot', (event) => render(JSON.parse(event.data)));
  stream.addEventListener('open', () => setStream(true));
  stream.addEventListener('error', () => setStream(false));

  // ---- kill switch --------------------------------------------------------------------------------------------
  $('kill-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('kill-token');
    const button = $('kill-button');
    const result = $('kill-result');
    button.disabled = true;
    result.className = 'kill-result';
    result.textContent = 'Sending…';
    try {
      const response = await fetch('api/kill-switch', { method: 'POST', headers: { 'X-Edgewise-Token': input.value.trim() } });
      const body = await response.json();
      result.textContent = body.message;
      result.classList.add(body.accepted ? 'up' : 'down');
      if (body.accepted) {
        input.value = '';
        if (body.tradingState) renderState(body.tradingState, 'kill switch from the dashboard');
      }
    } catch (error) {
      result.textContent = `The request failed: ${error.message}`;
      result.classList.add('down');
    } finally {
      button.disabled = false;
    }
  });

  loadEquity();
})();
