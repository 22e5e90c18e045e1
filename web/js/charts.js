// charts.js - ECharts for the pages: load it, draw a chart into an element,
// dispose the charts of a part of the page, keep them sized to the window,
// and print them as images. ECharts comes from npm (node_modules/echarts),
// served by tvet serve as /vendor/echarts.min.js. loadCharts() adds it as a
// plain <script src> the first time a page asks, without holding anything
// up: the megabyte arrives while the tables render (or the password is
// typed), then it is the global `echarts` here. When the server has no
// node_modules the load fails once; the page draws no chart and says why
// with missingNote() instead of failing.
//
// CSP (style-src 'self'): ECharts' HTML tooltip writes markup with style
// attributes, which the policy blocks, so every tooltip is drawn on the
// canvas (renderMode 'richText'); ECharts sizes its canvas through the
// CSSOM, which the policy allows.
import { el, state, t, words } from './core.js';

words({
  zh: { charts_missing: '图表不可用：服务器未提供 ECharts（/vendor/echarts.min.js，需在服务器上运行 npm ci）。数据表不受影响。' },
  en: { charts_missing: 'Charts unavailable: the server does not provide ECharts (/vendor/echarts.min.js; run npm ci on the server). The tables are complete.' },
});

export const VENDOR = '/vendor/echarts.min.js';
const live = new Set(); // the chart instances on the page
let loading = null;     // loadCharts()' promise
let missing = false;    // the load failed

export const chartsReady = () => typeof window.echarts === 'object' && window.echarts !== null;
export const chartsMissing = () => missing;

// ECharts, loaded once: a promise of true when it is there, false when it
// could not be loaded (never rejected).
export function loadCharts() {
  if (!loading) {
    loading = new Promise((resolve) => {
      if (chartsReady()) {
        resolve(true);
        return;
      }
      const script = el('script', { src: VENDOR });
      script.addEventListener('load', () => {
        missing = !chartsReady();
        resolve(!missing);
      });
      script.addEventListener('error', () => {
        missing = true;
        resolve(false);
      });
      document.head.append(script);
    });
  }
  return loading;
}

// The sentence shown where a chart would be when ECharts did not load.
export const missingNote = () => el('p', { class: 'note chart-missing', role: 'status' }, t('charts_missing'));

// A colour of style.css (--achieved, --on_track, ...): one place for them.
export function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
}

// Draw option into dom (which must be shown and have its size from CSS);
// the chart there before is disposed. Returns the instance, or null
// without ECharts. Tooltips default to canvas-drawn ones (see above).
export function draw(dom, option) {
  if (!chartsReady()) return null;
  const old = window.echarts.getInstanceByDom(dom);
  if (old) {
    live.delete(old);
    old.dispose();
  }
  const chart = window.echarts.init(dom, null, { renderer: 'canvas', locale: state.lang === 'zh' ? 'ZH' : 'EN' });
  const full = { animationDuration: 300, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily }, ...option };
  if (option.tooltip) full.tooltip = { renderMode: 'richText', confine: true, ...option.tooltip };
  chart.setOption(full);
  live.add(chart);
  return chart;
}

// Dispose the charts inside root (every chart without root), and those no
// longer in the page.
export function disposeCharts(root) {
  for (const c of live) {
    const dom = c.getDom();
    if (!root || root.contains(dom) || !dom.isConnected) {
      live.delete(c);
      c.dispose();
    }
  }
}

// Fit the charts shown to their boxes (a hidden one keeps its size until
// it is shown and resized again).
export function resizeCharts() {
  for (const c of live) if (c.getDom().offsetWidth > 0) c.resize();
}

let pending = false;
window.addEventListener('resize', () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    resizeCharts();
  });
});

// Printing: each chart shown becomes an image of its width (style.css
// hides the canvas and shows the image in print), so it scales to the
// paper instead of running off it.
window.addEventListener('beforeprint', () => {
  for (const c of live) {
    const dom = c.getDom();
    if (dom.offsetWidth === 0) continue;
    const img = el('img', { class: 'chart-print', alt: dom.getAttribute('aria-label') || '', width: dom.offsetWidth,
      src: c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) });
    dom.after(img);
  }
});
window.addEventListener('afterprint', () => {
  document.querySelectorAll('img.chart-print').forEach((img) => img.remove());
});
