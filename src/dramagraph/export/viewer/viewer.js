/* dramagraph graph viewer: reads the graph from the JSON block, lays it out once, draws it with Cytoscape.js.
 *
 * Every string in the data comes from articles, so it is only ever put on the page with textContent or
 * as a Cytoscape label (drawn on a canvas), never parsed as HTML.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var byId = {};
  data.nodes.forEach(function (n) {
    n.lower = n.label.toLowerCase();
    byId[n.id] = n;
  });
  var colours = {};
  data.kinds.forEach(function (k) { colours[k.kind] = k.colour; });

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  // Seeded, so the same graph always gets the same picture.
  function mulberry32(seed) {
    return function () {
      seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* Fruchterman-Reingold with grid-limited repulsion: each node only pushes nodes within 2k of it, found
   * through a grid of 2k cells, so one step costs about O(nodes + edges) rather than O(nodes^2). It runs
   * once, before the first draw; nothing moves afterwards, which keeps pan and zoom smooth at 5,000 nodes. */
  function layout(nodes, edges) {
    var n = nodes.length, k = 90;
    var xs = new Float64Array(n), ys = new Float64Array(n);
    if (n === 0) return { x: xs, y: ys };
    var index = {};
    nodes.forEach(function (node, i) { index[node.id] = i; });
    var side = k * Math.sqrt(n) * 1.2, rand = mulberry32(7);
    for (var i = 0; i < n; i++) { xs[i] = rand() * side; ys[i] = rand() * side; }
    var es = [], et = [];
    edges.forEach(function (e) {
      var a = index[e.source], b = index[e.target];
      if (a !== b) { es.push(a); et.push(b); }
    });
    var iterations = n <= 500 ? 300 : n <= 2000 ? 150 : 90;
    var dx = new Float64Array(n), dy = new Float64Array(n), cell = 2 * k, k2 = k * k, reach = cell * cell;
    var temperature = side / 8, cx = side / 2, cy = side / 2;
    for (var it = 0; it < iterations; it++) {
      dx.fill(0); dy.fill(0);
      var grid = new Map();
      for (i = 0; i < n; i++) {
        var key = Math.floor(xs[i] / cell) * 1048576 + Math.floor(ys[i] / cell);
        var bucket = grid.get(key);
        if (bucket) bucket.push(i); else grid.set(key, [i]);
      }
      for (i = 0; i < n; i++) {
        var gx = Math.floor(xs[i] / cell), gy = Math.floor(ys[i] / cell);
        for (var ox = -1; ox <= 1; ox++) {
          for (var oy = -1; oy <= 1; oy++) {
            var others = grid.get((gx + ox) * 1048576 + gy + oy);
            if (!others) continue;
            for (var m = 0; m < others.length; m++) {
              var j = others[m];
              if (j <= i) continue;
              var ddx = xs[i] - xs[j], ddy = ys[i] - ys[j], d2 = ddx * ddx + ddy * ddy;
              if (d2 > reach) continue;
              if (d2 < 0.01) { ddx = rand() - 0.5; ddy = rand() - 0.5; d2 = ddx * ddx + ddy * ddy; }
              var f = k2 / d2;  // (k^2 / d) along the unit vector (ddx, ddy) / d
              dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
            }
          }
        }
      }
      for (var e = 0; e < es.length; e++) {
        var a = es[e], b = et[e];
        var ex = xs[a] - xs[b], ey = ys[a] - ys[b], dist = Math.sqrt(ex * ex + ey * ey) || 0.01;
        var pull = dist / k;  // (d^2 / k) along the unit vector (ex, ey) / d
        dx[a] -= ex * pull; dy[a] -= ey * pull; dx[b] += ex * pull; dy[b] += ey * pull;
      }
      for (i = 0; i < n; i++) {
        // A weak pull to the centre keeps unconnected nodes and small components from drifting off.
        dx[i] -= (xs[i] - cx) * 0.02; dy[i] -= (ys[i] - cy) * 0.02;
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (len > 0) {
          var step = Math.min(len, temperature) / len;
          xs[i] += dx[i] * step; ys[i] += dy[i] * step;
        }
      }
      temperature = Math.max(temperature * 0.96, k / 20);
    }
    return { x: xs, y: ys };
  }

  var started = performance.now();
  var pos = layout(data.nodes, data.edges);
  var layoutMs = performance.now() - started;
  var maxDegree = 1;
  data.nodes.forEach(function (n) { if (n.degree > maxDegree) maxDegree = n.degree; });
  var elements = [];
  data.nodes.forEach(function (n, i) {
    elements.push({
      group: "nodes",
      data: {
        id: n.id, label: n.label, kind: n.kind,
        colour: colours[n.kind] || "#999999",
        size: 14 + 36 * Math.sqrt(n.degree / maxDegree)
      },
      position: { x: pos.x[i], y: pos.y[i] }
    });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target, label: e.label } });
  });
  var big = data.nodes.length > 1500;
  var cy = cytoscape({
    container: document.getElementById("dg-graph"),
    elements: elements,
    layout: { name: "preset", fit: true, padding: 60 },
    minZoom: 0.02,
    maxZoom: 6,
    boxSelectionEnabled: false,
    // Large graphs: draw a cached bitmap while panning and zooming instead of every node and edge.
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : "auto",
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": 11, "color": "#222",
        "text-valign": "bottom", "text-margin-y": 3,
        "text-outline-color": "#fff", "text-outline-width": 2,
        // Labels appear once zoomed in far enough to read them, so a large graph is not a wall of text.
        "min-zoomed-font-size": 7
      } },
      { selector: "edge", style: {
        "width": 1, "line-color": "#b8bcc4", "opacity": 0.6,
        "curve-style": "haystack", "haystack-radius": 0
      } },
      // Arrows where direction means something (kg, series); haystack edges, the fastest kind, have none.
      { selector: data.directed && !big ? "edge" : "edge.never", style: {
        "curve-style": "straight", "target-arrow-shape": "triangle", "target-arrow-color": "#b8bcc4",
        "arrow-scale": 0.8
      } },
      { selector: "edge.near", style: {
        "width": 2, "line-color": "#555", "opacity": 1, "label": "data(label)", "font-size": 9,
        "color": "#444", "text-outline-color": "#fff", "text-outline-width": 2, "text-rotation": "autorotate",
        "target-arrow-color": "#555"
      } },
      { selector: "node.match", style: { "border-width": 4, "border-color": "#111", "z-index": 10 } },
      { selector: "node:selected", style: { "border-width": 5, "border-color": "#000", "z-index": 20 } },
      { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
      { selector: ".hidden", style: { "display": "none" } }
    ]
  });

  // A graph of a handful of nodes would otherwise be blown up to fill the screen.
  if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }

  var state = { ready: false, layoutMs: layoutMs, initMs: performance.now() - started, loadMs: null, selected: null };
  cy.one("render", function () {
    state.ready = true;
    state.loadMs = performance.now() - started;
    document.getElementById("dg-status").textContent =
      data.nodes.length + " nodes, " + data.edges.length + " edges";
  });

  // --- details panel -----------------------------------------------------------------------------
  var details = document.getElementById("dg-details");

  function showDetails(id) {
    var n = byId[id];
    details.replaceChildren();
    if (!n) { details.appendChild(el("p", "Click a node to see where it comes from.", "dg-hint")); return; }
    var head = el("h2", n.label, "dg-name");
    details.appendChild(head);
    var kind = el("p", null, "dg-kind");
    var swatch = el("span", null, "dg-swatch");
    swatch.style.backgroundColor = colours[n.kind] || "#999999";
    kind.appendChild(swatch);
    kind.appendChild(document.createTextNode(n.kind));
    details.appendChild(kind);
    var facts = el("dl", null, "dg-facts");
    [["Articles", n.articles], ["Connections", n.degree], ["IRI", n.iri]].forEach(function (row) {
      facts.appendChild(el("dt", row[0]));
      facts.appendChild(el("dd", row[1]));
    });
    details.appendChild(facts);
    details.appendChild(el("h3", "Source sentences"));
    if (n.sentences.length) {
      var list = el("ul", null, "dg-sentences");
      n.sentences.forEach(function (s) { list.appendChild(el("li", s)); });
      details.appendChild(list);
    } else {
      details.appendChild(el("p", "None recorded.", "dg-hint"));
    }
    var node = cy.getElementById(id);
    var links = node.connectedEdges();
    details.appendChild(el("h3", "Connections (" + links.length + ")"));
    var shown = el("ul", null, "dg-links");
    links.slice(0, 60).forEach(function (edge) {
      var other = edge.source().id() === id ? edge.target() : edge.source();
      var item = el("li");
      var go = el("button", other.data("label"), "dg-link");
      go.type = "button";
      go.addEventListener("click", function () { select(other.id()); });
      item.appendChild(go);
      var info = data.edges[Number(edge.id().slice(1))];
      var text = " " + info.label;
      if (info.shows && info.shows.length) text += " (" + info.shows.join(", ") + ")";
      item.appendChild(el("span", text, "dg-edge"));
      shown.appendChild(item);
    });
    details.appendChild(shown);
    if (links.length > 60) details.appendChild(el("p", "… and " + (links.length - 60) + " more.", "dg-hint"));
  }

  function select(id) {
    var node = cy.getElementById(id);
    if (node.empty()) return false;
    cy.batch(function () {
      cy.elements().unselect();
      cy.edges(".near").removeClass("near");
      node.select();
      node.connectedEdges().addClass("near");
    });
    state.selected = id;
    showDetails(id);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
    return true;
  }

  cy.on("tap", "node", function (evt) { select(evt.target.id()); });
  cy.on("tap", function (evt) {
    if (evt.target === cy) {
      cy.elements().unselect();
      cy.edges(".near").removeClass("near");
      state.selected = null;
      showDetails(null);
    }
  });

  // --- search --------------------------------------------------------------------------------------
  var input = document.getElementById("dg-search");
  var results = document.getElementById("dg-results");

  function search(query) {
    var q = query.trim().toLowerCase();
    results.replaceChildren();
    if (!q) {
      cy.elements().removeClass("match faded");
      return [];
    }
    var found = data.nodes.filter(function (n) { return n.lower.indexOf(q) !== -1; });
    // Exact names first, then names that start with the query, then the rest; the most connected first.
    found.sort(function (a, b) {
      var ra = a.lower === q ? 0 : a.lower.indexOf(q) === 0 ? 1 : 2;
      var rb = b.lower === q ? 0 : b.lower.indexOf(q) === 0 ? 1 : 2;
      return ra - rb || b.degree - a.degree || (a.label < b.label ? -1 : 1);
    });
    var ids = {};
    found.forEach(function (n) { ids[n.id] = true; });
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var hit = ids[node.id()] === true;
        node.toggleClass("match", hit);
        node.toggleClass("faded", !hit);
      });
      cy.edges().addClass("faded");
    });
    results.appendChild(el("p", found.length + (found.length === 1 ? " match" : " matches"), "dg-hint"));
    var list = el("ul", null, "dg-links");
    found.slice(0, 25).forEach(function (n) {
      var item = el("li");
      var go = el("button", n.label, "dg-link");
      go.type = "button";
      go.addEventListener("click", function () { select(n.id); });
      item.appendChild(go);
      item.appendChild(el("span", " " + n.kind, "dg-edge"));
      list.appendChild(item);
    });
    results.appendChild(list);
    return found.map(function (n) { return n.id; });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  input.addEventListener("keydown", function (evt) {
    if (evt.key === "Enter") {
      clearTimeout(timer);
      var found = search(input.value);
      if (found.length) select(found[0]);
    } else if (evt.key === "Escape") {
      input.value = "";
      search("");
    }
  });

  // --- legend --------------------------------------------------------------------------------------
  var legend = document.getElementById("dg-legend");
  data.kinds.forEach(function (k) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () {
      cy.batch(function () {
        cy.nodes().filter(function (node) { return node.data("kind") === k.kind; })
          .toggleClass("hidden", !box.checked);
      });
    });
    var swatch = el("span", null, "dg-swatch");
    swatch.style.backgroundColor = k.colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(k.kind + " (" + k.count + ")"));
    item.appendChild(label);
    legend.appendChild(item);
  });

  document.getElementById("dg-fit").addEventListener("click", function () {
    cy.animate({ fit: { eles: cy.elements(":visible"), padding: 60 } }, { duration: 250 });
  });

  showDetails(null);
  // For scripts and tests driving the page: the Cytoscape instance and the viewer's own actions.
  window.dramagraph = { cy: cy, state: state, select: select, search: search };
})();
