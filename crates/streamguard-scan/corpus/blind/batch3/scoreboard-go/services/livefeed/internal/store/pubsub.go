package store

import (
	"context"
	"encoding/json"
	"log/slog"

	"github.com/playbook/ringbuf"
	"github.com/redis/go-redis/v9"
)

type Event struct {
	MatchID    string `json:"match_id"`
	LeagueID   string `json:"league_id"`
	Kind       string `json:"kind"`
	Minute     int32  `json:"minute"`
	PlayerID   string `json:"player_id"`
	PlayerName string `json:"player_name"`
	Home       int32  `json:"home"`
	Away       int32  `json:"away"`
}

type Feed struct {
	rdb    *redis.Client
	recent *ringbuf.Buffer[Event]
}

func NewFeed(rdb *redis.Client) *Feed {
	return &Feed{rdb: rdb, recent: ringbuf.New[Event](512)}
}

// Subscribe returns a channel of events on the given channel name; it is
// closed when ctx is done.
func (f *Feed) Subscribe(ctx context.Context, channel string) <-chan Event {
	out := make(chan Event, 64)
	ps := f.rdb.Subscribe(ctx, channel)
	go func() {
		defer close(out)
		defer ps.Close()
		ch := ps.Channel()
		for {
			select {
			case <-ctx.Done():
				return
			case msg, ok := <-ch:
				if !ok {
					return
				}
				var ev Event
				if err := json.Unmarshal([]byte(msg.Payload), &ev); err != nil {
					slog.Warn("bad event", "err", err)
					continue
				}
				f.recent.Push(ev)
				select {
				case out <- ev:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

func (f *Feed) Publish(ctx context.Context, channel string, payload any) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	return f.rdb.Publish(ctx, channel, b).Err()
}
