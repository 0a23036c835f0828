package lookout

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	"forestry.example/lookout/internal/session"
	"forestry.example/lookout/lookoutpb"
)

// Classifier is the smoke-detection model service (gRPC client, elided).
type Classifier interface {
	Detections(ctx context.Context, district string, since time.Time) ([]*lookoutpb.SmokeAlert, error)
}

type Frames interface {
	Latest(ctx context.Context, district string) ([]*lookoutpb.CameraFrame, error)
}

type Server struct {
	lookoutpb.UnimplementedLookoutServer
	Frames     Frames
	Classifier Classifier
	PTZBase    string

	mu     sync.Mutex
	perIP  map[string]*window
}

type window struct {
	start time.Time
	n     int
}

var ptzHTTP = &http.Client{Timeout: 5 * time.Second}

func (s *Server) WatchCameras(req *lookoutpb.WatchCamerasRequest, st lookoutpb.Lookout_WatchCamerasServer) error {
	ctx := st.Context()
	if o := session.OfficerFrom(ctx); o == nil || !o.HasDistrict(req.District) {
		return status.Error(codes.PermissionDenied, "district not permitted")
	}
	for {
		frames, err := s.Frames.Latest(ctx, req.District)
		if err != nil {
			return status.Error(codes.Unavailable, err.Error())
		}
		for _, f := range frames {
			if err := st.Send(f); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-time.After(10 * time.Second):
		}
	}
}

func (s *Server) allow(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.perIP == nil {
		s.perIP = map[string]*window{}
	}
	w := s.perIP[addr]
	if w == nil || time.Since(w.start) > time.Minute {
		s.perIP[addr] = &window{start: time.Now(), n: 1}
		return true
	}
	w.n++
	return w.n <= 120
}

func (s *Server) PanTiltSession(st lookoutpb.Lookout_PanTiltSessionServer) error {
	ctx := st.Context()
	o := session.OfficerFrom(ctx)
	p, _ := peer.FromContext(ctx)
	for {
		cmd, err := st.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !o.HasTower(cmd.TowerId) {
			if err := st.Send(&lookoutpb.PtzState{RequestId: cmd.RequestId, TowerId: cmd.TowerId, Status: "PERMISSION_DENIED"}); err != nil {
				return err
			}
			continue
		}
		if !s.allow(p.Addr.String()) {
			return status.Error(codes.ResourceExhausted, "ptz rate exceeded")
		}
		req, _ := http.NewRequest(http.MethodPost,
			fmt.Sprintf("%s/towers/%s/ptz?pan=%.2f&tilt=%.2f&zoom=%.2f", s.PTZBase, cmd.TowerId, cmd.Pan, cmd.Tilt, cmd.Zoom), nil)
		resp, err := ptzHTTP.Do(req)
		state := &lookoutpb.PtzState{RequestId: cmd.RequestId, TowerId: cmd.TowerId, Status: "OK"}
		if err != nil {
			state.Status = "UNAVAILABLE"
		} else {
			_ = json.NewDecoder(resp.Body).Decode(state)
			resp.Body.Close()
		}
		if err := st.Send(state); err != nil {
			return err
		}
	}
}

func (s *Server) StreamSmokeAlerts(req *lookoutpb.SmokeAlertsRequest, st lookoutpb.Lookout_StreamSmokeAlertsServer) error {
	ctx := st.Context()
	if o := session.OfficerFrom(ctx); o == nil || !o.HasDistrict(req.District) {
		return status.Error(codes.PermissionDenied, "district not permitted")
	}
	since := time.Now()
	for {
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		alerts, err := s.Classifier.Detections(cctx, req.District, since)
		cancel()
		if err != nil && ctx.Err() != nil {
			return context.Cause(ctx)
		}
		for _, a := range alerts {
			if a.Confidence < req.MinConfidence {
				continue
			}
			if err := st.Send(a); err != nil {
				return err
			}
		}
		since = time.Now()
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case <-time.After(5 * time.Second):
		}
	}
}
