package review

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	reviewv1 "forgeline.dev/review/gen/reviewv1"
	"forgeline.dev/review/internal/gitstore"
	"forgeline.dev/review/internal/mentions"
	"forgeline.dev/review/internal/oauth"
)

type Server struct {
	reviewv1.UnimplementedCodeReviewServer
	DB       *pgxpool.Pool
	Git      *gitstore.Backend
	Mentions *mentions.Notifier
	Verifier *oauth.Verifier
}

func canRead(u *oauth.User, repo string) bool {
	_, ok := u.Repos[repo]
	return ok
}

func canWrite(u *oauth.User, repo string) bool {
	p := u.Repos[repo]
	return p == "write" || p == "admin"
}

func (s *Server) GetPullRequest(ctx context.Context, req *reviewv1.GetPullRequestRequest) (*reviewv1.PullRequest, error) {
	u := oauth.UserFrom(ctx)
	if !canRead(u, req.GetRepo()) {
		return nil, status.Error(codes.NotFound, "no such repository")
	}
	pr := &reviewv1.PullRequest{Repo: req.GetRepo(), Number: req.GetNumber()}
	err := s.DB.QueryRow(ctx, `SELECT title, head_sha, state FROM pull_requests WHERE repo = $1 AND number = $2`, req.GetRepo(), req.GetNumber()).
		Scan(&pr.Title, &pr.HeadSha, &pr.State)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "pull request %s#%d", req.GetRepo(), req.GetNumber())
	}
	return pr, nil
}
