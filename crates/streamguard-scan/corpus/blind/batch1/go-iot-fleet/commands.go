package main

import (
	"context"
	"log"
	"time"

	fleetpb "github.com/fleetops/fleetd/proto"
)

const commandPoll = 2 * time.Second

func (s *fleetServer) Commands(_ *fleetpb.CommandsRequest, stream fleetpb.Fleet_CommandsServer) error {
	device := claimsFrom(stream.Context()).DeviceID()
	for {
		cmds, err := s.cmds.Pending(context.Background(), device)
		if err != nil {
			log.Printf("commands for %s: %v", device, err)
		}
		for _, c := range cmds {
			if err := stream.Send(c); err != nil {
				log.Printf("deliver %s to %s: %v", c.GetId(), device, err)
				break
			}
		}
		time.Sleep(commandPoll)
	}
}
