package mentions

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
)

var mentionRE = regexp.MustCompile(`@([A-Za-z0-9-]{1,39})`)

// Notifier sends @mention notifications (email, chat) through the
// notifications service.
type Notifier struct {
	URL  string
	HTTP *http.Client
}

func Extract(body string) []string {
	var out []string
	for _, m := range mentionRE.FindAllStringSubmatch(body, 20) {
		out = append(out, m[1])
	}
	return out
}

func (n *Notifier) Notify(ctx context.Context, repo string, number uint32, author string, logins []string) error {
	body, _ := json.Marshal(map[string]any{"repo": repo, "pr": number, "author": author, "mentions": logins})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.URL+"/v1/mentions", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := n.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notifications answered %d", resp.StatusCode)
	}
	return nil
}
