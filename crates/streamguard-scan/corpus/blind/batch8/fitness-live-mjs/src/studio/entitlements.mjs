// Which classes a rider may join: their membership tier and their booking.
const bookings = new Map(); // classId -> Set(riderId), loaded by the booking sync

export function loadBookings(rows) {
  bookings.clear();
  for (const { classId, riderId } of rows) {
    if (!bookings.has(classId)) bookings.set(classId, new Set());
    bookings.get(classId).add(riderId);
  }
}

export function canJoin(rider, classId) {
  if (rider.tier === 'all-access') return true;
  return bookings.get(classId)?.has(rider.id) ?? false;
}
