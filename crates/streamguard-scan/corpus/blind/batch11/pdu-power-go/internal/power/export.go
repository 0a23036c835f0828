package power

import (
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pduv1 "github.com/dcops/pdu-power/gen/pdu/v1"
	"github.com/dcops/pdu-power/internal/guard"
)

func (s *Service) ExportMeterLog(req *pduv1.ExportMeterLogRequest, stream pduv1.PowerDistribution_ExportMeterLogServer) error {
	ctx := stream.Context()
	if c := guard.ClaimsFrom(ctx); !c.HasScope("billing:read") || !c.CanRack(req.GetRackId()) {
		return status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	rows, err := s.DB.Query(ctx,
		`select kwh, extract(epoch from at)::bigint from meter_log where rack_id = $1 and at between $2 and $3 order by at`,
		req.GetRackId(), time.Unix(req.GetFromUnix(), 0), time.Unix(req.GetToUnix(), 0))
	if err != nil {
		return status.Error(codes.Unavailable, "meter log unavailable")
	}
	defer rows.Close()
	for rows.Next() {
		var kwh float64
		var unix int64
		if err := rows.Scan(&kwh, &unix); err != nil {
			return err
		}
		if err := stream.Send(&pduv1.MeterRecord{RackId: req.GetRackId(), Kwh: kwh, Unix: unix}); err != nil {
			return err
		}
	}
	return rows.Err()
}
