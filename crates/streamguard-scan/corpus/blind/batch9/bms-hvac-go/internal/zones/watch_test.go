package zones

import (
	"time"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
)

// fakeBuilding is an endless server used by the dashboard tests.
type fakeBuilding struct{ bmsv1.UnimplementedBuildingServer }

func (fakeBuilding) WatchZone(req *bmsv1.WatchZoneRequest, stream bmsv1.Building_WatchZoneServer) error {
	for {
		if err := stream.Send(&bmsv1.ZoneState{ZoneId: req.GetZoneId(), TempC: 21}); err != nil {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}
