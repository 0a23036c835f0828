'use strict';

function groupByVenue(orders) {
  const out = new Map();
  for (const order of orders) {
    if (!out.has(order.venue)) out.set(order.venue, []);
    out.get(order.venue).push(order);
  }
  return out;
}

function notional(orders) {
  let total = 0;
  for (const o of orders) total += Math.abs(o.qty * o.px);
  return total;
}

module.exports = { groupByVenue, notional };
