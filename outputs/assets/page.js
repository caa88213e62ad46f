(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("chidao-data").textContent);
  var G = DATA.groups;  // null on a detailed page
  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });
  var container = document.getElementById("mynetwork");

  // ------------------------------------------------------------ groups (an aggregated page)
  // Every node and link of the view is in DATA; only the groups' dots are drawn at first. A click on a
  // group opens it: its own nodes and its sub-groups replace it, links are re-counted between what is
  // drawn. Nothing is fetched: everything comes from DATA.
  var groups = {}, opened = {}, stack = [], memberOf = {}, placed = {};
  var BANDS = {central: 0, province: 1, district: 2, commune: 3, unplaced: 4};
  var X_GAP = 190, LINE_GAP = 90, BAND_GAP = 170;
  if (G) {
    G.groups.forEach(function (g) {
      groups[g.id] = g;
      g.direct.forEach(function (id) { memberOf[id] = g.id; });
      if (g.x !== undefined) { placed[g.id] = {x: g.x, y: g.y}; }
    });
    G.loose.forEach(function (id) { placed[id] = {x: byId[id].x, y: byId[id].y}; });
  }

  // What stands for a node now: itself, or the outermost closed group holding it.
  function rep(id) {
    var chain = [], g = memberOf[id];
    while (g !== undefined && g !== null) { chain.push(g); g = groups[g].parent; }
    for (var i = chain.length - 1; i >= 0; i--) { if (!opened[chain[i]]) { return chain[i]; } }
    return id;
  }

  function visibleIds() {
    var out = G.loose.slice();
    function visit(gid) {
      var g = groups[gid];
      if (!opened[gid]) { out.push(gid); return; }
      g.direct.forEach(function (id) { out.push(id); });
      g.children.forEach(function (c) { visit(c); });
    }
    G.top.forEach(function (gid) { visit(gid); });
    return out;
  }

  function shownItem(id) { return groups[id] || byId[id]; }

  // Positions: the top-level groups on their grid; what an opened group shows goes in level bands under
  // the grid, each near the x its group had, spread so that nothing overlaps.
  function layout(ids) {
    var rows = {}, want = {}, order = {};
    var siblings = {};
    ids.forEach(function (id, i) {
      order[id] = i;
      var parent = groups[id] ? groups[id].parent : memberOf[id];
      if (parent === undefined || parent === null) { return; }
      (siblings[parent] = siblings[parent] || []).push(id);
    });
    Object.keys(siblings).forEach(function (p) {
      var list = siblings[p], at = placed[p] ? placed[p].x : 0;
      list.forEach(function (id) { want[id] = at; });  // spread from there by the sweep below
    });
    var pos = {};
    ids.forEach(function (id) {
      var isTop = groups[id] ? groups[id].parent === null : G.loose.indexOf(id) >= 0;
      if (isTop) { pos[id] = placed[id]; return; }
      var item = shownItem(id);
      var band = BANDS[groups[id] ? groups[id].band : item.level];
      if (band === undefined) { band = 4; }
      var key = band * 2 + (item.kind === "agency" ? 0 : 1);
      (rows[key] = rows[key] || []).push(id);
    });
    var top = G.bottom + BAND_GAP + 40;
    var perLine = Math.max(G.columns * 2, Math.ceil(Math.sqrt(ids.length) * 2));
    for (var band = 0; band < 5; band++) {
      var used = false;
      for (var sub = 0; sub < 2; sub++) {
        var row = rows[band * 2 + sub];
        if (!row) { continue; }
        row.sort(function (a, b) { return (want[a] - want[b]) || (order[a] - order[b]); });
        // a long row wraps into lines, each centred where its nodes want to be
        for (var at = 0; at < row.length; at += perLine) {
          var chunk = row.slice(at, at + perLine), xs = [], last = -Infinity;
          chunk.forEach(function (id) { last = Math.max(want[id], last + X_GAP); xs.push(last); });
          var mean = chunk.reduce(function (s, id) { return s + want[id]; }, 0) / chunk.length;
          var shift = mean - (xs[0] + xs[xs.length - 1]) / 2;
          chunk.forEach(function (id, i) { pos[id] = {x: xs[i] + shift, y: top}; });
          top += LINE_GAP;
        }
        used = true;
      }
      if (used) { top += BAND_GAP - LINE_GAP; }
    }
    return pos;
  }

  function groupEdges(ids) {
    var shown = {}, out = [], merged = {};
    ids.forEach(function (id) { shown[id] = true; });
    DATA.edges.forEach(function (e) {
      var a = rep(e.from), b = rep(e.to);
      if (!shown[a] || !shown[b]) { return; }
      if (a === e.from && b === e.to) { out.push(e); return; }  // both ends drawn as themselves
      if (a === b || !e.cite) { return; }  // inside one group, or bookkeeping (who issued what)
      var key = a + "\u0000" + b, m = merged[key];
      if (!m) { m = merged[key] = {from: a, to: b, count: 0, types: {}}; }
      m.count += 1;
      m.types[e.type] = (m.types[e.type] || 0) + 1;
    });
    Object.keys(merged).forEach(function (key, i) {
      var m = merged[key], types = Object.keys(m.types).sort(function (x, y) { return m.types[y] - m.types[x]; });
      var colour = linkColour(types[0]);
      var name = function (id) { var g = groups[id]; return g ? g.label.split("\n")[0] : byId[id].label; };
      out.push({id: "m" + i, from: m.from, to: m.to, label: String(m.count), count: m.count, merged: true,
                width: Math.min(12, 1 + Math.log(m.count) * 1.6), font: {size: 13, align: "middle", strokeWidth: 3},
                color: {color: colour, highlight: colour, hover: colour},
                tip: m.count + (m.count === 1 ? " citation link: " : " citation links: ") + name(m.from) + " \u2192 " +
                     name(m.to) + "\n" + types.map(function (t) { return t + " " + m.types[t]; }).join(" \u00b7 ")});
    });
    return out;
  }
  var typeColour = {};
  DATA.edges.forEach(function (e) { if (!typeColour[e.type]) { typeColour[e.type] = e.color.color; } });
  function linkColour(t) { return typeColour[t] || "#95a5a6"; }

  // ------------------------------------------------------------ the network
  var nodes, edges, network;
  function currentItems() {
    var ids = visibleIds(), pos = layout(ids);
    var list = ids.map(function (id) {
      var src = shownItem(id), n = {};
      Object.keys(src).forEach(function (k) {
        if (k !== "direct" && k !== "children" && k !== "parent" && k !== "band") { n[k] = src[k]; }
      });
      n.x = pos[id].x; n.y = pos[id].y;
      placed[id] = pos[id];
      return n;
    });
    return {nodes: list, edges: groupEdges(ids)};
  }

  if (G) {
    var first = currentItems();
    nodes = new vis.DataSet(first.nodes);
    edges = new vis.DataSet(first.edges);
  } else {
    nodes = new vis.DataSet(DATA.nodes);
    edges = new vis.DataSet(DATA.edges);
  }
  network = new vis.Network(container, {nodes: nodes, edges: edges}, DATA.options);
  window.network = network;
  window.chidaoDrawnAt = null;
  network.once("afterDrawing", function () {
    window.chidaoDrawnAt = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  network.fit({animation: false});

  function redraw(focus) {
    var items = currentItems();
    nodes.clear(); edges.clear();
    nodes.add(items.nodes); edges.add(items.edges);
    baseEdges = null;
    apply();
    // zoom to what the opened group shows (and the group it sits in); else to everything
    var near = focus ? items.nodes.filter(function (n) {
      var p = groups[n.id] ? groups[n.id].parent : memberOf[n.id];
      return p === focus;
    }).map(function (n) { return n.id; }) : [];
    network.fit(near.length ? {nodes: near, animation: false} : {animation: false});
    document.body.setAttribute("data-opened", stack.length);
  }
  function open(gid) {
    if (!groups[gid] || opened[gid]) { return false; }
    var g = groups[gid];
    while (g.parent !== null && !opened[g.parent]) { open(g.parent); }  // open the way down to it
    opened[gid] = true; stack.push(gid);
    redraw(gid);
    return true;
  }
  function close(gid) {
    if (!opened[gid]) { return false; }
    var shut = function (id) {
      if (opened[id]) { delete opened[id]; stack = stack.filter(function (s) { return s !== id; }); }
      groups[id].children.forEach(shut);
    };
    shut(gid);
    redraw();
    return true;
  }
  window.chidao = {
    open: open, close: close,
    collapseAll: function () { opened = {}; stack = []; redraw(); },
    drawn: function () { return nodes.getIds(); },
    groupOf: function (id) { return memberOf[id] || null; },
    aggregated: !!G
  };
  if (G) {
    var collapse = document.getElementById("collapse");
    collapse.hidden = false;
    collapse.addEventListener("click", function () {
      if (stack.length) { close(stack[stack.length - 1]); }
    });
    network.on("click", function (p) {
      if (p.nodes.length === 1 && groups[p.nodes[0]]) { hideTip(); open(p.nodes[0]); }
    });
    network.on("doubleClick", function (p) {
      var id = p.nodes.length === 1 ? p.nodes[0] : null;
      var parent = id === null ? null : (groups[id] ? groups[id].parent : memberOf[id]);
      if (parent) { hideTip(); close(parent); }
    });
  }

  // Tooltips: always plain text (textContent), whatever the document says.
  var tip = document.getElementById("tooltip");
  function showTip(text, pointer) {
    tip.textContent = text;
    tip.style.display = "block";
    var box = container.getBoundingClientRect();
    var left = pointer.DOM.x + 14, top = pointer.DOM.y + 14;
    if (left + tip.offsetWidth > box.width) { left = Math.max(0, pointer.DOM.x - tip.offsetWidth - 14); }
    if (top + tip.offsetHeight > box.height) { top = Math.max(0, pointer.DOM.y - tip.offsetHeight - 14); }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) { var n = nodes.get(p.node); if (n) { showTip(n.tip, p.pointer); } });
  network.on("hoverEdge", function (p) { var e = edges.get(p.edge); if (e) { showTip(e.tip, p.pointer); } });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // Search and filter: accent- and case-insensitive match on the label and tooltip text. A match inside
  // a closed group lights the group; the rest is dimmed (links too), so the matches stay readable.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var folded = null, baseEdges = null;
  var box = document.getElementById("search"), only = document.getElementById("only"),
      count = document.getElementById("count"), timer = null, matches = [];
  function apply() {
    var q = fold(box.value.trim());
    if (folded === null) {
      folded = {};
      DATA.nodes.forEach(function (n) { folded[n.id] = fold(n.label + "\n" + n.tip); });
      if (G) { G.groups.forEach(function (g) { folded[g.id] = fold(g.label.split("\n")[0]); }); }
    }
    matches = [];
    var lit = {};
    if (q !== "") {
      DATA.nodes.forEach(function (n) {
        if (folded[n.id].indexOf(q) >= 0) { matches.push(n.id); lit[G ? rep(n.id) : n.id] = true; }
      });
      if (G) { nodes.getIds().forEach(function (id) { if (groups[id] && folded[id].indexOf(q) >= 0) { lit[id] = true; } }); }
    }
    var updates = nodes.get().map(function (n) {
      var src = shownItem(n.id), hit = !!lit[n.id];
      return {id: n.id, opacity: (q === "" || hit) ? 1 : 0.12, hidden: q !== "" && only.checked && !hit,
              borderWidth: hit ? 6 : (src.borderWidth || 1),
              font: hit ? Object.assign({}, src.font, {strokeWidth: 4, strokeColor: "#ffffff", bold: true})
                        : src.font};
    });
    nodes.update(updates);
    if (baseEdges === null) {
      baseEdges = {};
      edges.get().forEach(function (e) { baseEdges[e.id] = e.color; });
    }
    edges.update(edges.get().map(function (e) {
      var keep = q === "" || (lit[e.from] && lit[e.to]) || (lit[e.from] || lit[e.to]) && !only.checked;
      var c = baseEdges[e.id] || {};
      return {id: e.id, color: {color: c.color, highlight: c.highlight, hover: c.hover, opacity: keep ? 1 : 0.08}};
    }));
    count.textContent = q === "" ? "" : matches.length + (matches.length === 1 ? " match" : " matches");
  }
  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  only.addEventListener("change", apply);
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      clearTimeout(timer); apply();
      if (!matches.length) { return; }
      if (G && matches.length <= 200) {  // open the groups that hold the matches
        var want = {};
        matches.forEach(function (id) { var r = rep(id); if (groups[r]) { want[memberOf[id]] = true; } });
        Object.keys(want).forEach(function (gid) {
          var g = groups[gid];
          var chain = [];
          while (g) { chain.unshift(g.id); g = g.parent ? groups[g.parent] : null; }
          chain.forEach(function (c) { if (!opened[c]) { opened[c] = true; stack.push(c); } });
        });
        if (Object.keys(want).length) { redraw(); }
      }
      var drawnNow = {};
      nodes.getIds().forEach(function (id) { drawnNow[id] = true; });
      var sel = matches.filter(function (id) { return drawnNow[id]; });
      if (!sel.length && G) { sel = Object.keys(drawnNow).filter(function (id) { return nodes.get(id).opacity === 1; }); }
      if (sel.length) { network.selectNodes(sel); network.fit({nodes: sel, animation: false}); }
    }
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({animation: false}); });
  // The legend sits beside the drawing, never over it; hiding it gives the drawing its width.
  var legendButton = document.getElementById("legend-toggle"), legend = document.getElementById("legend");
  legendButton.addEventListener("click", function () {
    var hide = legend.style.display !== "none";
    legend.style.display = hide ? "none" : "";
    legendButton.textContent = hide ? "Show legend" : "Hide legend";
    legendButton.setAttribute("aria-pressed", hide ? "false" : "true");
    network.redraw(); network.fit({animation: false});
  });
})();
