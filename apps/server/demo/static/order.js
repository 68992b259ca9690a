/* global window, location, document, Tribu */
// The shop's order confirmation: report the purchase to Tribu. The stand-in queues the call when
// this runs before widget.js has arrived; the loader replays it.
window.Tribu = window.Tribu || {
  q: [],
  track: function () {
    this.q.push(['track'].concat([].slice.call(arguments)));
  },
};
var order = new URLSearchParams(location.search).get('order') || 'AT-' + Date.now().toString(36).toUpperCase();
document.getElementById('order-id').textContent = order;
var code = new URLSearchParams(location.search).get('code');
Tribu.track('purchase', {
  orderId: order,
  amount: 189,
  currency: 'EUR',
  items: [{ sku: 'SUMMIT-M', name: 'Summit Jacket', quantity: 1 }],
  ...(code ? { code: code } : {}),
});
