package prealert

import (
	"encoding/json"

	"github.com/nats-io/nats.go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	cadv1 "git.regionems.org/cad/cad-platform/gen/cad/v1"
	"git.regionems.org/cad/cad-platform/internal/authn"
)

type Server struct {
	cadv1.UnimplementedPrealertsServer
	NC *nats.Conn
}

type prealertMsg struct {
	Incident string `json:"incident"`
	Unit     string `json:"unit"`
	ETA      string `json:"eta"`
	Summary  string `json:"summary"`
}

func (s *Server) StreamPrealerts(req *cadv1.PrealertRequest, stream cadv1.Prealerts_StreamPrealertsServer) error {
	hospital := authn.HospitalFrom(stream.Context())
	if hospital == "" || hospital != req.GetHospitalId() {
		return status.Error(codes.PermissionDenied, "key is for another hospital")
	}
	ch := make(chan *nats.Msg, 32)
	sub, err := s.NC.ChanSubscribe("prealerts."+hospital, ch)
	if err != nil {
		return status.Error(codes.Unavailable, "bus unavailable")
	}
	defer sub.Unsubscribe()
	for {
		select {
		case <-stream.Context().Done():
			return stream.Context().Err()
		case m := <-ch:
			var p prealertMsg
			if json.Unmarshal(m.Data, &p) != nil {
				continue
			}
			if err := stream.Send(&cadv1.Prealert{IncidentId: p.Incident, UnitId: p.Unit, Eta: p.ETA, Summary: p.Summary}); err != nil {
				return err
			}
		}
	}
}
