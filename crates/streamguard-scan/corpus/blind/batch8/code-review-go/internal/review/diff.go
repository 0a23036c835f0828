package review

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	reviewv1 "forgeline.dev/review/gen/reviewv1"
	"forgeline.dev/review/internal/gitstore"
	"forgeline.dev/review/internal/oauth"
)

func (s *Server) StreamDiff(req *reviewv1.DiffRequest, stream grpc.ServerStreamingServer[reviewv1.DiffHunk]) error {
	ctx := stream.Context()
	if !canRead(oauth.UserFrom(ctx), req.GetRepo()) {
		return status.Error(codes.NotFound, "no such repository")
	}
	var base, head string
	if err := s.DB.QueryRow(ctx, `SELECT base_sha, head_sha FROM pull_requests WHERE repo = $1 AND number = $2`, req.GetRepo(), req.GetNumber()).Scan(&base, &head); err != nil {
		return status.Errorf(codes.NotFound, "pull request %s#%d", req.GetRepo(), req.GetNumber())
	}
	return s.Git.Diff(ctx, req.GetRepo(), base, head, func(h gitstore.Hunk) error {
		return stream.Send(&reviewv1.DiffHunk{Path: h.Path, Header: h.Header, Text: h.Text})
	})
}
