// Package ringbuf is a small fixed-size ring buffer used for replaying the
// most recent events to late subscribers.
package ringbuf

import "sync"

type Buffer[T any] struct {
	mu    sync.Mutex
	items []T
	next  int
	full  bool
}

func New[T any](size int) *Buffer[T] {
	return &Buffer[T]{items: make([]T, size)}
}

func (b *Buffer[T]) Push(v T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items[b.next] = v
	b.next = (b.next + 1) % len(b.items)
	if b.next == 0 {
		b.full = true
	}
}

func (b *Buffer[T]) Snapshot() []T {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.full {
		out := make([]T, b.next)
		copy(out, b.items[:b.next])
		return out
	}
	out := make([]T, 0, len(b.items))
	out = append(out, b.items[b.next:]...)
	return append(out, b.items[:b.next]...)
}
