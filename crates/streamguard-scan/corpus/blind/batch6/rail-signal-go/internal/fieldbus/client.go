// Package fieldbus talks to the object controllers (signals, points, track
// circuits) through the vendor's gRPC gateway.
package fieldbus

import (
	"context"
	"fmt"
	"time"
)

type BlockEvent struct {
	Section, Block, Aspect, Train string
	Occupied                      bool
	At                            time.Time
}

// Gateway is implemented by the vendor client (generated stubs live in the
// vendor's module) and by the simulator used in the test rig.
type Gateway interface {
	SubscribeSection(ctx context.Context, section string) (<-chan BlockEvent, error)
	SetRoute(ctx context.Context, section, entry, exit, train string) error
	ReleaseRoute(ctx context.Context, section, entry string) error
	Recorder(ctx context.Context, section string, from, to time.Time, fn func(at time.Time, source, text string) error) error
}

// ErrRouteConflict is returned by SetRoute when the interlocking refuses the route.
type ErrRouteConflict struct{ Reason string }

func (e ErrRouteConflict) Error() string { return fmt.Sprintf("route refused: %s", e.Reason) }
