package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

var ladderPresets = map[string][]string{
	"1080p": {"-s", "1920x1080", "-b:v", "6000k"},
	"720p":  {"-s", "1280x720", "-b:v", "3000k"},
	"480p":  {"-s", "854x480", "-b:v", "1200k"},
}

// startLiveLadder starts ffmpeg producing an HLS ladder; segment completion lines are written to the returned reader.
func startLiveLadder(ctx context.Context, ingest string, ladder []string, dir string) (*exec.Cmd, io.Reader, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	args := []string{"-hide_banner", "-loglevel", "error", "-i", ingest}
	for i, name := range ladder {
		preset, ok := ladderPresets[name]
		if !ok {
			return nil, nil, fmt.Errorf("unknown rendition %q", name)
		}
		args = append(args, "-map", "0:v", "-map", "0:a?", "-c:v", "libx264", "-preset", "veryfast")
		args = append(args, preset...)
		args = append(args, "-f", "hls", "-hls_time", "4", "-hls_list_size", "10",
			"-hls_segment_filename", filepath.Join(dir, fmt.Sprintf("%s_%%05d.ts", name)),
			"-segment_list", fmt.Sprintf("pipe:%d", 3+i),
			filepath.Join(dir, name+".m3u8"))
	}
	cmd := exec.CommandContext(ctx, "ffmpeg", args...)
	r, w, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	w.Close()
	return cmd, r, nil
}
