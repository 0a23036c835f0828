package gitstore

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// Backend runs git against the bare repositories on the storage node.
type Backend struct{ Root string }

type Hunk struct{ Path, Header, Text string }

func (b *Backend) Diff(ctx context.Context, repo, base, head string, fn func(Hunk) error) error {
	cmd := exec.CommandContext(ctx, "git", "--git-dir", fmt.Sprintf("%s/%s.git", b.Root, repo), "diff", "--no-color", base+"..."+head)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	var cur *Hunk
	var path string
	flush := func() error {
		if cur == nil {
			return nil
		}
		h := *cur
		cur = nil
		return fn(h)
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ b/"):
			path = strings.TrimPrefix(line, "+++ b/")
		case strings.HasPrefix(line, "@@"):
			if err := flush(); err != nil {
				_ = cmd.Process.Kill()
				return err
			}
			cur = &Hunk{Path: path, Header: line}
		case cur != nil:
			cur.Text += line + "\n"
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return cmd.Wait()
}
