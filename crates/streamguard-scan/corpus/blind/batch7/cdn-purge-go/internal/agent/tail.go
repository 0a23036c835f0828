// Package agent is the edge-node side: log tailing for the POP's log shipper, and local purges.
package agent

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "git.fastlane-cdn.net/platform/edgecfg/internal/pb/agentv1"
)

const logDir = "/var/log/edge"

type Server struct {
	pb.UnimplementedAgentServer
	Cache *Cache
}

func (s *Server) StreamLogs(req *pb.StreamLogsRequest, stream pb.Agent_StreamLogsServer) error {
	ctx := stream.Context()
	name := filepath.Base(req.GetFile())
	if name == "." || name == "/" {
		return status.Error(codes.InvalidArgument, "file required")
	}
	f, err := os.Open(filepath.Join(logDir, name))
	if err != nil {
		return status.Errorf(codes.NotFound, "%s: %v", name, err)
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return status.Errorf(codes.Internal, "seek: %v", err)
	}
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(250 * time.Millisecond):
			}
			continue
		}
		if err != nil {
			return status.Errorf(codes.Internal, "read: %v", err)
		}
		if err := stream.Send(&pb.LogLine{Line: line, UnixMs: time.Now().UnixMilli()}); err != nil {
			return err
		}
	}
}

func (s *Server) Purge(ctx context.Context, req *pb.NodePurge) (*pb.NodePurgeResult, error) {
	n := s.Cache.Drop(req.GetZone(), req.GetUrls(), req.GetTags())
	return &pb.NodePurgeResult{Objects: uint32(n)}, nil
}
