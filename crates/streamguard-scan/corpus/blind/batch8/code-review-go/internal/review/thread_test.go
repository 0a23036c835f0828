package review

import (
	"testing"

	"forgeline.dev/review/internal/oauth"
)

func TestWriteNeedsWriteOrAdmin(t *testing.T) {
	u := &oauth.User{Repos: map[string]string{"acme/api": "read", "acme/web": "write", "acme/infra": "admin"}}
	cases := map[string]bool{"acme/api": false, "acme/web": true, "acme/infra": true, "other/x": false}
	for repo, want := range cases {
		if got := canWrite(u, repo); got != want {
			t.Errorf("canWrite(%s) = %v, want %v", repo, got, want)
		}
	}
}
