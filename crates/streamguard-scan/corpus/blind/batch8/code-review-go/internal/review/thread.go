package review

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	reviewv1 "forgeline.dev/review/gen/reviewv1"
	"forgeline.dev/review/internal/mentions"
	"forgeline.dev/review/internal/oauth"
)

const notifyTimeout = 10 * time.Second

// ReviewThread handles an inline review session. Every comment is checked
// against a fresh verification of the caller's token (expiry, revocation,
// current collaborator permissions), since a review can go on for hours.
func (s *Server) ReviewThread(stream grpc.BidiStreamingServer[reviewv1.ReviewComment, reviewv1.ThreadEvent]) error {
	ctx := stream.Context()
	raw := oauth.RawTokenFrom(ctx)
	for {
		c, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		u, err := s.Verifier.Verify(ctx, raw)
		if err != nil {
			return status.Errorf(codes.Unauthenticated, "token no longer valid: %v", err)
		}
		if !canWrite(u, c.GetRepo()) {
			if err := stream.Send(&reviewv1.ThreadEvent{RequestId: c.GetRequestId(), Status: "PERMISSION_DENIED", Error: "write access required"}); err != nil {
				return err
			}
			continue
		}
		var commentID string
		err = s.DB.QueryRow(ctx,
			`INSERT INTO review_comments (repo, number, path, line, body, action, author) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
			c.GetRepo(), c.GetNumber(), c.GetPath(), c.GetLine(), c.GetBody(), c.GetAction(), u.Login).Scan(&commentID)
		if err != nil {
			return status.Errorf(codes.Unavailable, "store comment: %v", err)
		}
		if logins := mentions.Extract(c.GetBody()); len(logins) > 0 {
			// Notifications must not hold up the review: send them in the background.
			go func(repo string, number uint32, author string) {
				nctx, cancel := context.WithTimeout(context.Background(), notifyTimeout)
				defer cancel()
				if err := s.Mentions.Notify(nctx, repo, number, author, logins); err != nil {
					slog.Warn("mention notify", "err", err)
				}
			}(c.GetRepo(), c.GetNumber(), u.Login)
		}
		if err := stream.Send(&reviewv1.ThreadEvent{RequestId: c.GetRequestId(), CommentId: commentID, Status: "OK"}); err != nil {
			return err
		}
	}
}
