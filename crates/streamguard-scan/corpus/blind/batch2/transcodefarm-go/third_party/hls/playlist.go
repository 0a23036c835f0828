// Package hls is a trimmed copy of github.com/grafov/m3u8 (BSD-3-Clause),
// vendored to avoid the full dependency. Keep in sync with upstream v0.12.0.
package hls

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

type MediaSegment struct {
	SeqId    uint64
	URI      string
	Duration float64
	Title    string
}

type MediaPlaylist struct {
	TargetDuration float64
	SeqNo          uint64
	Segments       []*MediaSegment
	Closed         bool
}

var ErrPlaylistFull = errors.New("playlist is full")

func (p *MediaPlaylist) Append(uri string, duration float64, title string) error {
	seg := &MediaSegment{SeqId: p.SeqNo + uint64(len(p.Segments)), URI: uri, Duration: duration, Title: title}
	p.Segments = append(p.Segments, seg)
	if duration > p.TargetDuration {
		p.TargetDuration = duration
	}
	return nil
}

func (p *MediaPlaylist) Slide(uri string, duration float64, title string, window int) {
	if len(p.Segments) >= window {
		p.Segments = p.Segments[1:]
		p.SeqNo++
	}
	_ = p.Append(uri, duration, title)
}

func (p *MediaPlaylist) Encode() *bytes.Buffer {
	var buf bytes.Buffer
	buf.WriteString("#EXTM3U\n#EXT-X-VERSION:3\n")
	fmt.Fprintf(&buf, "#EXT-X-MEDIA-SEQUENCE:%d\n", p.SeqNo)
	fmt.Fprintf(&buf, "#EXT-X-TARGETDURATION:%d\n", int(p.TargetDuration+0.999))
	for _, s := range p.Segments {
		fmt.Fprintf(&buf, "#EXTINF:%.3f,%s\n%s\n", s.Duration, s.Title, s.URI)
	}
	if p.Closed {
		buf.WriteString("#EXT-X-ENDLIST\n")
	}
	return &buf
}

func Decode(r io.Reader) (*MediaPlaylist, error) {
	p := &MediaPlaylist{}
	sc := bufio.NewScanner(r)
	var dur float64
	var title string
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line == "#EXTM3U":
		case strings.HasPrefix(line, "#EXT-X-MEDIA-SEQUENCE:"):
			n, err := strconv.ParseUint(line[22:], 10, 64)
			if err != nil {
				return nil, err
			}
			p.SeqNo = n
		case strings.HasPrefix(line, "#EXT-X-TARGETDURATION:"):
			d, _ := strconv.ParseFloat(line[22:], 64)
			p.TargetDuration = d
		case strings.HasPrefix(line, "#EXTINF:"):
			parts := strings.SplitN(line[8:], ",", 2)
			dur, _ = strconv.ParseFloat(parts[0], 64)
			if len(parts) > 1 {
				title = parts[1]
			}
		case line == "#EXT-X-ENDLIST":
			p.Closed = true
		case !strings.HasPrefix(line, "#"):
			_ = p.Append(line, dur, title)
			dur, title = 0, ""
		}
	}
	return p, sc.Err()
}
