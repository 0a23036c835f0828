// Package relay mirrors the mud-logging contractor's feed to partner companies on the partner
// network segment (no user accounts there: the segment is firewalled per partner).
package relay

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/offshore/drilling/pb"
)

type Mirror struct {
	pb.UnimplementedMudLogServer
	Upstream string
	HTTP     *http.Client
}

func (m *Mirror) Mirror(req *pb.MirrorRequest, stream grpc.ServerStreamingServer[pb.MudLogRecord]) error {
	ctx := stream.Context()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/feeds/%s/ndjson", m.Upstream, req.GetWellId()), nil)
	if err != nil {
		return status.Error(codes.InvalidArgument, "bad well id")
	}
	resp, err := m.HTTP.Do(hreq)
	if err != nil {
		return status.Error(codes.Unavailable, "mud-log feed unavailable")
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		var rec struct {
			Depth     float64 `json:"depth"`
			TotalGas  float64 `json:"total_gas"`
			Lithology string  `json:"lith"`
			UnixMs    int64   `json:"t"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		if err := stream.Send(&pb.MudLogRecord{WellId: req.GetWellId(), DepthM: rec.Depth, TotalGas: rec.TotalGas,
			Lithology: rec.Lithology, UnixMs: rec.UnixMs}); err != nil {
			return err
		}
	}
	return sc.Err()
}
