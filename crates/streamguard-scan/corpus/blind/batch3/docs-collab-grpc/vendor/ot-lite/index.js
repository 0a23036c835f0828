/*!
 * ot-lite 0.4.2 - minimal text operational transform
 * MIT License
 */
'use strict';

function normalize(op) {
  var out = [];
  for (var i = 0; i < op.length; i++) {
    var c = op[i];
    var last = out[out.length - 1];
    if (last && typeof last === typeof c && (typeof c !== 'object' || (last.d && c.d))) {
      if (typeof c === 'number') out[out.length - 1] = last + c;
      else if (typeof c === 'string') out[out.length - 1] = last + c;
      else out[out.length - 1] = { d: last.d + c.d };
    } else {
      out.push(c);
    }
  }
  return out;
}

function apply(doc, op) {
  var pos = 0;
  var result = '';
  for (var i = 0; i < op.length; i++) {
    var c = op[i];
    if (typeof c === 'number') {
      result += doc.slice(pos, pos + c);
      pos += c;
    } else if (typeof c === 'string') {
      result += c;
    } else {
      pos += c.d;
    }
  }
  return result + doc.slice(pos);
}

function transform(a, b, side) {
  var out = [];
  var ia = 0;
  var ib = 0;
  var ca = a[ia];
  var cb = b[ib];
  while (ca !== undefined || cb !== undefined) {
    if (typeof ca === 'string' && (side === 'left' || typeof cb !== 'string')) {
      out.push(ca);
      ca = a[++ia];
      continue;
    }
    if (typeof cb === 'string') {
      out.push(cb.length);
      cb = b[++ib];
      continue;
    }
    if (ca === undefined) break;
    out.push(ca);
    ca = a[++ia];
    cb = b[++ib];
  }
  return normalize(out);
}

module.exports = { apply: apply, transform: transform, normalize: normalize };
