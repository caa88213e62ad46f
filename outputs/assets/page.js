
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("chidao-data").textContent);
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, DATA.options);
  window.network = network;
  window.chidaoDrawnAt = null;
  network.once("afterDrawing", function () {
    window.chidaoDrawnAt = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  network.fit({animation: false});

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

  // Search and filter: accent- and case-insensitive match on the label and tooltip text.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var folded = null, base = {};
  DATA.nodes.forEach(function (n) { base[n.id] = {borderWidth: n.borderWidth || 1}; });
  var box = document.getElementById("search"), only = document.getElementById("only"),
      count = document.getElementById("count"), timer = null, matches = [];
  function apply() {
    var q = fold(box.value.trim());
    if (folded === null) {
      folded = {};
      DATA.nodes.forEach(function (n) { folded[n.id] = fold(n.label + "\n" + n.tip); });
    }
    matches = [];
    var updates = DATA.nodes.map(function (n) {
      var hit = q !== "" && folded[n.id].indexOf(q) >= 0;
      if (hit) { matches.push(n.id); }
      return {id: n.id, opacity: (q === "" || hit) ? 1 : 0.15, hidden: q !== "" && only.checked && !hit,
              borderWidth: hit ? 6 : base[n.id].borderWidth};
    });
    nodes.update(updates);
    count.textContent = q === "" ? "" : matches.length + (matches.length === 1 ? " match" : " matches");
  }
  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  only.addEventListener("change", apply);
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      clearTimeout(timer); apply();
      if (matches.length) { network.selectNodes(matches); network.fit({nodes: matches, animation: false}); }
    }
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({animation: false}); });
  // The legend sits beside the drawing, never over it; hiding it gives the drawing its width.
  document.getElementById("legend-toggle").addEventListener("change", function (e) {
    document.getElementById("legend").style.display = e.target.checked ? "" : "none";
    network.redraw(); network.fit({animation: false});
  });
})();
