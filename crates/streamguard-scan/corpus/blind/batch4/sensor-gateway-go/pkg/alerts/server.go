package alerts

import (
	"context"
	"encoding/json"
	"log"

	"git.internal/plant/sensor-gateway/gen/sensorspb"
	"git.internal/plant/sensor-gateway/pkg/pubsub"
)

// Server streams threshold alerts of a production line to the control-room screens.
type Server struct {
	sensorspb.UnimplementedAlertsServer
	Bus      *pubsub.Bus
	Notifier *Notifier
	// PageOnWatch: the control room wants a page for every alert its screens show.
	PageOnWatch bool
}

func (s *Server) WatchAlerts(req *sensorspb.WatchAlertsRequest, stream sensorspb.Alerts_WatchAlertsServer) error {
	msgs, unsub, err := s.Bus.Subscribe("alerts." + req.GetLine())
	if err != nil {
		return err
	}
	defer unsub()
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case m := <-msgs:
			var a sensorspb.Alert
			if err := json.Unmarshal(m.Data, &a); err != nil {
				log.Printf("bad alert payload on %s: %v", m.Subject, err)
				continue
			}
			if s.PageOnWatch {
				go func(a *sensorspb.Alert) {
					if err := s.Notifier.Notify(context.Background(), a); err != nil {
						log.Printf("page for %s/%s failed: %v", a.GetDeviceId(), a.GetSensor(), err)
					}
				}(&a)
			}
			if err := stream.Send(&a); err != nil {
				return err
			}
		}
	}
}
