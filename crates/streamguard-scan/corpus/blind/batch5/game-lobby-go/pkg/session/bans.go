package session

import (
	"context"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Bans fans out player bans published on Redis to every open stream of the player.
type Bans struct {
	mu      sync.Mutex
	waiters map[string][]chan struct{}
}

func WatchBans(ctx context.Context, rdb *redis.Client) *Bans {
	b := &Bans{waiters: map[string][]chan struct{}{}}
	sub := rdb.Subscribe(ctx, "lobby:bans")
	go func() {
		for msg := range sub.Channel() {
			b.mu.Lock()
			for _, ch := range b.waiters[msg.Payload] {
				close(ch)
			}
			delete(b.waiters, msg.Payload)
			b.mu.Unlock()
		}
	}()
	return b
}

// Banned returns a channel closed when the player is banned.
func (b *Bans) Banned(player string) <-chan struct{} {
	ch := make(chan struct{})
	b.mu.Lock()
	b.waiters[player] = append(b.waiters[player], ch)
	b.mu.Unlock()
	return ch
}
