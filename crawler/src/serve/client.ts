/** The dashboard's browser script (served as /assets/app.js): renders each page from the /api/ JSON, charts with ECharts. */
export const CLIENT_JS = String.raw`(function () {
  'use strict';
  var app = document.getElementById('app');
  var page = document.body.dataset.page;
  var params = new URLSearchParams(location.search);
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function get(path, q) {
    var u = new URL(path, location.origin);
    Object.keys(q || {}).forEach(function (k) { if (q[k] !== '' && q[k] != null) u.searchParams.set(k, q[k]); });
    return fetch(u).then(function (r) { if (!r.ok) throw new Error(r.status + ' ' + u.pathname); return r.json(); });
  }
  function csvLink(path, q, label) {
    var u = new URL(path, location.origin);
    Object.keys(q || {}).forEach(function (k) { if (q[k] !== '' && q[k] != null && k !== 'page' && k !== 'size') u.searchParams.set(k, q[k]); });
    return '<a class="csv" download href="' + esc(u.pathname + u.search) + '">' + (label || '下载 CSV Download CSV') + '</a>';
  }
  function pager(d, go) {
    var pages = Math.max(1, Math.ceil(d.total / d.size));
    var el = document.createElement('div');
    el.className = 'pager';
    el.innerHTML = '共 ' + d.total + ' 条 · ' + d.total + ' rows · 第 ' + d.page + '/' + pages + ' 页 page ' +
      (d.page > 1 ? '<button data-p="' + (d.page - 1) + '">上一页 Prev</button> ' : '') + (d.page < pages ? '<button data-p="' + (d.page + 1) + '">下一页 Next</button>' : '');
    el.addEventListener('click', function (e) { var p = e.target.getAttribute && e.target.getAttribute('data-p'); if (p) go(Number(p)); });
    return el;
  }
  function setQuery(q) {
    var u = new URL(location.href);
    Object.keys(q).forEach(function (k) { if (q[k] === '' || q[k] == null) u.searchParams.delete(k); else u.searchParams.set(k, q[k]); });
    history.replaceState(null, '', u);
  }

  function portals() {
    var q = { q: params.get('q') || '', verdict: params.get('verdict') || '', region: params.get('region') || '', level: params.get('level') || '', page: params.get('page') || 1 };
    app.innerHTML = '<h1>网站 Portals</h1><form class="filters" id="f">' +
      '<input name="q" placeholder="搜索 search" value="' + esc(q.q) + '">' +
      '<select name="verdict"><option value="">结论 verdict: 全部 all</option><option>PASS</option><option>FAIL</option><option>FAULT</option></select>' +
      '<input name="region" placeholder="行政区划 region (330100 / 杭州)" value="' + esc(q.region) + '">' +
      '<select name="level"><option value="">层级 level: 全部 all</option><option>province</option><option>city</option><option>county</option><option>township</option><option>department</option></select>' +
      '<button>筛选 Filter</button></form><div id="csv"></div><div id="list"></div>';
    var f = document.getElementById('f');
    f.verdict.value = q.verdict; f.level.value = q.level;
    function load() {
      setQuery(q);
      document.getElementById('csv').innerHTML = csvLink('/api/portals.csv', q);
      get('/api/portals', q).then(function (d) {
        var rows = d.rows.map(function (r) {
          return '<tr><td><a href="/portal?host=' + encodeURIComponent(r.host) + '">' + esc(r.name || r.host) + '</a><br><small>' + esc(r.host) + '</small></td>' +
            '<td class="' + r.verdict + '">' + r.verdict + '</td><td>' + esc(r.failedRules.join(', ')) + '</td><td>' + esc(r.judgedOn) + '</td>' +
            '<td>' + esc(r.regionName || '') + ' <small>' + esc(r.region || '') + ' ' + esc(r.level || '') + '</small></td>' +
            '<td class="alerts">' + (r.alerts ? '<b class="FAIL">' + r.alerts + '</b>' : '0') + '</td>' +
            '<td class="trend">' + r.trend.map(function (t) { return '<span class="' + t.verdict + '" title="#' + t.run + ' ' + esc(t.judgedOn) + ' ' + t.verdict + '"></span>'; }).join('') + '</td></tr>';
        }).join('');
        var list = document.getElementById('list');
        list.innerHTML = '<table id="portals"><thead><tr><th>网站 Portal</th><th>结论 Verdict</th><th>未通过规则 Failed rules</th><th>检查日期 Judged on</th><th>地区 Region</th><th>告警 Alerts</th><th>趋势 Trend</th></tr></thead><tbody>' + rows + '</tbody></table>';
        list.appendChild(pager(d, function (p) { q.page = p; load(); }));
      }).catch(fail);
    }
    f.addEventListener('submit', function (e) { e.preventDefault(); q.q = f.q.value; q.verdict = f.verdict.value; q.region = f.region.value; q.level = f.level.value; q.page = 1; load(); });
    load();
  }

  function health(d) {
    var r = d.reachability, x = d.deadLinks, out = '';
    if (r) out += '<p id="reachability">可访问性 Reachability（一周监测 last ' + r.windowDays + ' days, ' + esc(r.from) + '…' + esc(r.to) + '）: ' +
      (r.share == null ? '—' : '首页 ' + r.probes + ' 次检测 ' + r.failed + ' 次失败 home page failed ' + r.failed + '/' + r.probes + ' (' + Math.round(r.share * 100) + '%)') +
      (r.sectionProbes ? ' · 公开栏目页 section ' + r.sectionFailed + '/' + r.sectionProbes : '') + '</p>';
    if (x) out += '<div id="dead-links"><p>失效链接 Dead links（#' + x.run + '）: ' + x.count + '</p>' + (x.examples.length ? '<ul>' + x.examples.map(function (e) {
      return '<li><a href="' + esc(e.url) + '">' + esc(e.url) + '</a> <small>' + esc(e.status == null ? e.error : e.status) + '</small></li>'; }).join('') + '</ul>' : '') + '</div>';
    return out;
  }

  function alerts(d) {
    var a = d.alerts;
    if (!a || !(a.holding.length + a.events.length + a.cleared.length)) return '<p id="alerts">监测告警 Watch alerts: 无记录 none recorded (gongkai watch)</p>';
    function item(x) {
      var sent = x.sentTo.length ? ' · 已发送 sent to ' + x.sentTo.map(function (s) { return esc(s.channel) + ' ' + esc(s.sentAt.slice(0, 10)); }).join(', ') : (x.resolvedRun == null && x.kind !== 'new-items' ? ' · 未发送 not sent' : '');
      return '<li data-kind="' + esc(x.kind) + '"><a href="' + esc(x.where) + '">' + esc(x.what.zh) + '</a><br><small>' + esc(x.what.en) + ' · 自 since ' + esc(x.since) +
        ' · 首次发现 first seen ' + esc(x.firstSeen) + (x.resolvedRun != null ? ' · 已解除 cleared #' + x.resolvedRun : '') + sent + '</small></li>';
    }
    function list(id, title, xs) { return xs.length ? '<div id="' + id + '"><h3>' + title + ' (' + xs.length + ')</h3><ul>' + xs.map(item).join('') + '</ul></div>' : ''; }
    return '<section id="alerts"><h2>监测告警 Watch alerts</h2>' + list('alerts-holding', '当前存在 Holding', a.holding) + list('alerts-events', '近期事件 Recent events', a.events) +
      list('alerts-cleared', '已解除 Cleared lately', a.cleared) + '</section>';
  }

  function portal() {
    var host = params.get('host') || '';
    var category = params.get('category') || '';
    get('/api/portal', { host: host, category: category }).then(function (d) {
      var rules = d.rules.map(function (r) { return '<li class="' + (r.failed ? 'FAIL' : '') + '">' + esc(r.zh) + '<br><small>' + esc(r.en) + '</small></li>'; }).join('');
      app.innerHTML = '<h1>' + esc(d.name || d.host) + ' <small>' + esc(d.host) + '</small></h1>' +
        '<p>结论 Verdict: <b class="' + d.verdict + '">' + d.verdict + '</b> · 检查日期 judged on ' + esc(d.judgedOn) + (d.region || d.level ? ' · <span id="region">地区 region ' + esc(d.regionName || '') + ' <small>' + esc(d.region || '') + ' ' + esc(d.level || '') + '</small></span>' : '') + ' · <a href="' + esc(d.homeUrl || '#') + '">首页 home</a> · <a href="/reports?host=' + encodeURIComponent(d.host) + '">年报 reports</a></p>' +
        '<ul>' + rules + '</ul>' + health(d) + alerts(d) + '<form class="filters" id="f"><select name="category"><option value="">类别 category: 全部 all</option><option>home</option><option>dynamic</option><option>notice-policy</option><option>other</option><option>static</option><option>reports</option></select><button>筛选 Filter</button></form>' +
        csvLink('/api/portal/columns.csv', { host: host, category: category }) + '<div id="cols"></div>';
      var f = document.getElementById('f');
      f.category.value = category;
      f.addEventListener('submit', function (e) { e.preventDefault(); setQuery({ category: f.category.value }); location.reload(); });
      var box = document.getElementById('cols');
      d.columns.forEach(function (c, i) {
        var last = c.runs[c.runs.length - 1] || {};
        var sec = document.createElement('section');
        sec.className = 'column';
        sec.innerHTML = '<h3>' + esc(c.name) + ' <small>' + esc(c.category) + (c.limitDays ? ' · 期限 limit ' + c.limitDays + ' 天 days' : ' · 无更新期限 no limit') + ' · <a href="' + esc(c.url) + '">链接 link</a></small></h3>' +
          '<div class="chart" id="chart' + i + '"></div><table class="runs"><tr><th>批次 Run</th><th>检查日期 Judged on</th><th>状态 Status</th><th>条目 Items</th><th>最新 Newest</th><th>天数 Age (days)</th></tr>' +
          c.runs.map(function (r) { return '<tr><td>#' + r.run + '</td><td>' + esc(r.judgedOn) + '</td><td>' + esc(r.status) + '</td><td>' + r.items + '</td><td>' + esc(r.newest || '') + '</td><td>' + (r.ageDays == null ? '' : r.ageDays) + '</td></tr>'; }).join('') + '</table>';
        box.appendChild(sec);
        var months = Object.keys(c.perMonth).sort();
        // The gaps between updates, and the one still open on the judging day (newest item → judged on).
        var gaps = c.gaps.slice();
        if (last.newest && last.ageDays != null) gaps.push({ from: last.newest, to: last.judgedOn + ' (检查日 judged)', days: last.ageDays });
        var top = Math.ceil(Math.max(c.limitDays || 0, Math.max.apply(null, gaps.map(function (g) { return g.days; }).concat([1]))) * 1.15);
        var chart = echarts.init(document.getElementById('chart' + i));
        chart.setOption({
          animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0, data: ['每月条目 items per month', '更新间隔（天）gap (days)'] },
          grid: { left: 40, right: 50, top: 40, bottom: 30 },
          xAxis: [{ type: 'category', data: months }, { type: 'category', data: gaps.map(function (g) { return g.to; }), show: false }],
          yAxis: [{ type: 'value', name: '条目 items' }, { type: 'value', name: '天 days', max: top }],
          series: [
            { name: '每月条目 items per month', type: 'bar', data: months.map(function (m) { return c.perMonth[m]; }) },
            { name: '更新间隔（天）gap (days)', type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: gaps.map(function (g) { return g.days; }),
              markLine: c.limitDays ? { symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed' }, label: { position: 'insideEndTop', formatter: '期限 limit ' + c.limitDays }, data: [{ yAxis: c.limitDays }] } : undefined },
          ],
        });
        sec.dataset.last = last.newest || '';
      });
    }).catch(fail);
  }

  function reports() {
    var q = { q: params.get('q') || '', agency: params.get('agency') || '', year: params.get('year') || '', host: params.get('host') || '', page: params.get('page') || 1 };
    app.innerHTML = '<h1>年度报告 Annual reports</h1><form class="filters" id="f"><input name="q" placeholder="机关 agency" value="' + esc(q.q) + '"><input name="year" placeholder="年度 year" size="6" value="' + esc(q.year) + '"><button>筛选 Filter</button></form><div id="csv"></div><div id="list"></div>';
    var f = document.getElementById('f');
    function load() {
      setQuery(q);
      document.getElementById('csv').innerHTML = csvLink('/api/reports.csv', q);
      get('/api/reports', q).then(function (d) {
        var list = document.getElementById('list');
        list.innerHTML = '<table id="reports"><thead><tr><th>机关 Agency</th><th>年度 Year</th><th>发布 Published</th><th>得分 Score</th><th>错误 Errors</th><th>警告 Warnings</th><th>网站 Portal</th></tr></thead><tbody>' +
          d.rows.map(function (r) {
            return '<tr><td><a href="/report?run=' + r.run + '&url=' + encodeURIComponent(r.url) + '">' + esc(r.agency || r.title || r.url) + '</a></td><td>' + (r.year || '') + '</td><td>' + esc(r.publishedAt || '') + '</td><td>' + (r.score == null ? '' : r.score) + '</td><td>' + r.errors + '</td><td>' + r.warnings + '</td><td>' + esc(r.host) + '</td></tr>';
          }).join('') + '</tbody></table>';
        list.appendChild(pager(d, function (p) { q.page = p; load(); }));
      }).catch(fail);
    }
    f.addEventListener('submit', function (e) { e.preventDefault(); q.q = f.q.value; q.year = f.year.value; q.page = 1; load(); });
    load();
  }

  function report() {
    var q = { run: params.get('run') || '', url: params.get('url') || '' };
    get('/api/report', q).then(function (d) {
      app.innerHTML = '<h1>' + esc(d.agency || '') + ' ' + (d.year || '') + ' 年度报告 <small>annual report</small></h1>' +
        '<p><a href="' + esc(d.url) + '">原文 source</a> · 发布 published ' + esc(d.publishedAt || '?') + ' · 得分 score ' + (d.score == null ? '—' : d.score) + ' · ' + esc(d.kind || '') + '</p>' +
        (d.copies && d.copies.length ? '<div id="copies"><h2>内容雷同 Copy-paste</h2><ul>' + d.copies.map(function (c) {
          return '<li class="FAIL">' + esc(c.zh) + ' · <a href="/report?run=' + c.run + '&url=' + encodeURIComponent(c.url) + '">' + esc(c.agency) + ' ' + (c.year || '') + '</a><br><small>' + esc(c.en) + '</small></li>';
        }).join('') + '</ul></div>' : '') +
        csvLink('/api/report/findings.csv', q) +
        '<table id="findings"><thead><tr><th>级别 Severity</th><th>检查项 Check</th><th>说明 Finding</th><th>证据 Evidence</th></tr></thead><tbody>' +
        d.findings.map(function (f) {
          return '<tr class="finding"><td class="' + (f.severity === 'error' ? 'FAIL' : '') + '">' + esc(f.severity) + '</td><td>' + esc(f.checkId) + '</td><td>' + esc(f.zh) + '<br><small>' + esc(f.en) + '</small></td>' +
            '<td><pre class="evidence">' + esc(JSON.stringify(f.evidence, null, 1)) + '</pre></td></tr>';
        }).join('') + '</tbody></table>';
    }).catch(fail);
  }

  function fail(e) { app.innerHTML = '<p class="FAIL">出错 Error: ' + esc(e.message) + '</p>'; }
  ({ portals: portals, portal: portal, reports: reports, report: report })[page]();
})();`;
