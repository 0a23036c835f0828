//! The Lua scripts: each one step that must be atomic in Redis. [`redis::Script`] calls them by
//! hash (`EVALSHA`); a server that does not know a script yet (`NOSCRIPT`, e.g. after a
//! restart) gets it loaded once and the call is repeated. Time is Redis's own (`TIME`), so
//! instances with skewed clocks still agree.

use std::sync::LazyLock;

use redis::Script;

/// Records a revocation and publishes it, atomically.
///
/// KEYS: the revocation's key, the stream. ARGV: kind (`jti`|`sub`), value, issued_up_to,
/// until (Unix s; 0: until lifted), origin, replay window (ms). Revoking again extends and
/// never shortens: a subject keeps its largest `issued_up_to`; `EXPIREAT … GT` keeps the later
/// end (a key without one is kept forever). Returns the stream entry's id.
pub(crate) static REVOKE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local kind, up_to, untl = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4])
local existed = redis.call('EXISTS', KEYS[1]) == 1
if kind == 'sub' then
  local prev = tonumber(redis.call('GET', KEYS[1]) or '')
  if prev and prev > up_to then up_to = prev end
end
redis.call('SET', KEYS[1], string.format('%d', up_to), 'KEEPTTL')
if untl == 0 then
  redis.call('PERSIST', KEYS[1])
elseif existed then
  redis.call('EXPIREAT', KEYS[1], ARGV[4], 'GT')
else
  redis.call('EXPIREAT', KEYS[1], ARGV[4])
end
local t = redis.call('TIME')
local minid = tonumber(t[1]) * 1000 - tonumber(ARGV[6])
return redis.call('XADD', KEYS[2], 'MINID', '~', string.format('%d', minid), '*',
  'op', 'revoke', 'kind', kind, 'id', ARGV[2], 'up_to', string.format('%d', up_to),
  'until', ARGV[4], 'origin', ARGV[5])
"#,
    )
});

/// Lifts a revocation and publishes the lift, atomically.
///
/// KEYS: the revocation's key, the stream. ARGV: kind, value, origin, replay window (ms).
/// Returns how many keys were deleted (0 or 1).
pub(crate) static LIFT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local n = redis.call('DEL', KEYS[1])
local t = redis.call('TIME')
local minid = tonumber(t[1]) * 1000 - tonumber(ARGV[4])
redis.call('XADD', KEYS[2], 'MINID', '~', string.format('%d', minid), '*',
  'op', 'lift', 'kind', ARGV[1], 'id', ARGV[2], 'origin', ARGV[3])
return n
"#,
    )
});

/// GCRA for one identity, taking up to `want` messages at once (a lease).
///
/// KEYS: the identity's rate key (its theoretical arrival time, µs). ARGV: interval (µs),
/// tolerance (µs, `(burst - 1) · interval`), want. Admitting k messages needs
/// `tat + (k - 1) · interval - now <= tolerance`. Returns `{granted, wait_us}`: `wait_us` is
/// how long until one message is allowed when none was granted.
pub(crate) static GCRA_LEASE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval, tolerance, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '') or now
if tat < now then tat = now end
local room = math.floor((tolerance - (tat - now)) / interval) + 1
if room < 1 then
  return {0, tat - now - tolerance}
end
local granted = math.min(want, room)
tat = tat + granted * interval
redis.call('SET', KEYS[1], string.format('%d', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
return {granted, 0}
"#,
    )
});

/// Takes a stream slot of one identity, leased for a while.
///
/// KEYS: the identity's slot set (member → lease end, ms). ARGV: member, cap, lease (ms).
/// Expired leases (a crashed instance's) are dropped first. Returns 1 when taken, 0 at the cap.
pub(crate) static TAKE_SLOT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease * 2)
return 1
"#,
    )
});

/// Renews the leases of live stream slots (and re-registers any the store lost).
///
/// KEYS: slot sets; ARGV[1]: lease (ms), ARGV[i + 1]: the member in KEYS[i].
pub(crate) static RENEW_SLOTS: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + lease, ARGV[i + 1])
  redis.call('PEXPIRE', key, lease * 2)
end
return #KEYS
"#,
    )
});
