// Package purge fans purge requests out to the edge nodes of every POP.
package purge

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	agentv1 "git.fastlane-cdn.net/platform/edgecfg/internal/pb/agentv1"
)

type Fanout struct {
	mu    sync.RWMutex
	nodes map[string]agentv1.AgentClient
}

func NewFanout(nodes map[string]agentv1.AgentClient) *Fanout { return &Fanout{nodes: nodes} }

// Purge asks every node to drop the objects; it returns how many nodes confirmed.
// All node calls are children of ctx: when the caller goes away, they are cancelled.
func (f *Fanout) Purge(ctx context.Context, zone string, urls, tags []string) (int, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(64)
	var mu sync.Mutex
	ok := 0
	for _, n := range f.nodes {
		n := n
		g.Go(func() error {
			if _, err := n.Purge(gctx, &agentv1.NodePurge{Zone: zone, Urls: urls, Tags: tags}); err != nil {
				return err
			}
			mu.Lock()
			ok++
			mu.Unlock()
			return nil
		})
	}
	err := g.Wait()
	return ok, err
}
