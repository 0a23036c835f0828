package vessels

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
	portauthv1 "github.com/harbourlabs/ais/gen/portauthv1"
	"github.com/harbourlabs/ais/internal/auth"
	"github.com/harbourlabs/ais/internal/tracks"
)

// A port watch ends after this long; the operations centre's console reconnects.
const maxPortWatch = 2 * time.Hour

type Port struct {
	Locode   string
	Lat, Lon float64
	RadiusNM float64
}

// PortWatcher turns positions into arrival/departure events per port.
type PortWatcher struct {
	mu     sync.Mutex
	ports  map[string]Port
	inside map[string]map[uint32]bool
}

func NewPortWatcher(ports []Port) *PortWatcher {
	w := &PortWatcher{ports: make(map[string]Port), inside: make(map[string]map[uint32]bool)}
	for _, p := range ports {
		w.ports[p.Locode] = p
		w.inside[p.Locode] = make(map[uint32]bool)
	}
	return w
}

func distanceNM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 3440.065
	dLat := (lat2 - lat1) * math.Pi / 180
	dLon := (lon2 - lon1) * math.Pi / 180
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*math.Pi/180)*math.Cos(lat2*math.Pi/180)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// transition reports "arrival" or "departure" when p crosses the port's radius.
func (w *PortWatcher) transition(locode string, p tracks.Position) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	port, ok := w.ports[locode]
	if !ok {
		return ""
	}
	in := distanceNM(port.Lat, port.Lon, p.Lat, p.Lon) <= port.RadiusNM
	was := w.inside[locode][p.MMSI]
	w.inside[locode][p.MMSI] = in
	switch {
	case in && !was:
		return "arrival"
	case !in && was:
		return "departure"
	}
	return ""
}

func (s *Server) WatchPort(req *aisv1.WatchPortRequest, stream aisv1.Vessels_WatchPortServer) error {
	claims, ok := auth.FromContext(stream.Context())
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	if !slices.Contains(claims.Ports, req.GetLocode()) {
		return status.Errorf(codes.PermissionDenied, "port %s not in token", req.GetLocode())
	}
	ctx, cancel := context.WithTimeout(stream.Context(), maxPortWatch)
	defer cancel()

	ch := s.hub.Subscribe()
	defer s.hub.Unsubscribe(ch)
	for {
		select {
		case <-ctx.Done():
			if ctx.Err() == context.DeadlineExceeded {
				return status.Error(codes.Unavailable, "max_stream_lifetime")
			}
			return ctx.Err()
		case p := <-ch:
			kind := s.ports.transition(req.GetLocode(), p)
			if kind == "" {
				continue
			}
			ev := &aisv1.PortEvent{Mmsi: p.MMSI, Locode: req.GetLocode(), Kind: kind, UnixMs: p.UnixMs}
			if v, err := s.registry.Lookup(ctx, p.MMSI); err == nil {
				ev.Name = v.Name
			}
			if kind == "arrival" {
				go s.notifyPortAuthority(ev)
			}
			if err := stream.Send(ev); err != nil {
				return err
			}
		}
	}
}

// notifyPortAuthority files the arrival with the port authority's partner API.
func (s *Server) notifyPortAuthority(ev *aisv1.PortEvent) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ack, err := s.pa.Notify(ctx, &portauthv1.ArrivalNotice{Mmsi: ev.GetMmsi(), Locode: ev.GetLocode(), Kind: ev.GetKind(), UnixMs: ev.GetUnixMs()})
	if err != nil {
		s.log.Warn("port authority notify failed", "mmsi", ev.GetMmsi(), "err", err)
		return
	}
	s.log.Info("arrival filed", "mmsi", ev.GetMmsi(), "ref", ack.GetReference())
}
