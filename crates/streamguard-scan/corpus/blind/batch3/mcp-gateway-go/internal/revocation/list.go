package revocation

import (
	"bufio"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"
)

// List is a periodically refreshed copy of the identity provider's
// revocation list (one jti per line).
type List struct {
	mu  sync.RWMutex
	set map[string]struct{}
	url string
}

func New(url string) *List {
	return &List{url: url, set: map[string]struct{}{}}
}

func (l *List) Has(jti string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	_, ok := l.set[jti]
	return ok
}

func (l *List) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := l.refresh(ctx); err != nil {
			slog.Warn("revocation refresh failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (l *List) refresh(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, l.url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	next := map[string]struct{}{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if jti := strings.TrimSpace(sc.Text()); jti != "" {
			next[jti] = struct{}{}
		}
	}
	l.mu.Lock()
	l.set = next
	l.mu.Unlock()
	return sc.Err()
}
