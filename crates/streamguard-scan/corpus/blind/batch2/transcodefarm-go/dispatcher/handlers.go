package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/reelhouse/transcodepb"
)

type dispatcher struct {
	pb.UnimplementedDispatcherServer
	worker     pb.WorkerClient
	storageURL string
	outDir     string
}

func (d *dispatcher) WatchJob(req *pb.WatchJobRequest, stream pb.Dispatcher_WatchJobServer) error {
	prog, err := d.worker.Progress(stream.Context(), &pb.ProgressRequest{JobId: req.GetJobId()})
	if err != nil {
		return err
	}
	for {
		ev, err := prog.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := stream.Send(ev); err != nil {
			return err
		}
		if ev.GetState() == "done" || ev.GetState() == "failed" {
			return nil
		}
	}
}

func (d *dispatcher) UploadSegments(stream pb.Dispatcher_UploadSegmentsServer) error {
	g, ctx := errgroup.WithContext(stream.Context())
	g.SetLimit(4)
	var count int32
	var total int64
	for {
		seg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		count++
		total += int64(len(seg.GetData()))
		url := fmt.Sprintf("%s/%s/%05d.ts", d.storageURL, seg.GetAssetId(), seg.GetIndex())
		data := seg.GetData()
		g.Go(func() error {
			req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, bytes.NewReader(data))
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			resp.Body.Close()
			if resp.StatusCode >= 300 {
				return fmt.Errorf("segment store: %s", resp.Status)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return status.Errorf(codes.Unavailable, "upload: %v", err)
	}
	return stream.SendAndClose(&pb.UploadSummary{Segments: count, Bytes: total})
}

func (d *dispatcher) TranscodeLive(req *pb.LiveRequest, stream pb.Dispatcher_TranscodeLiveServer) error {
	if !strings.HasPrefix(req.GetIngestUrl(), "rtmp://") && !strings.HasPrefix(req.GetIngestUrl(), "srt://") {
		return status.Error(codes.InvalidArgument, "ingest_url must be rtmp:// or srt://")
	}
	dir := filepath.Join(d.outDir, sanitize(req.GetIngestUrl()))
	cmd, events, err := startLiveLadder(context.Background(), req.GetIngestUrl(), req.GetLadder(), dir)
	if err != nil {
		return status.Errorf(codes.Internal, "ffmpeg: %v", err)
	}
	go cmd.Wait()

	sc := bufio.NewScanner(events)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasSuffix(line, ".ts") {
			continue
		}
		parts := strings.SplitN(line, " ", 2)
		dur, _ := strconv.ParseFloat(parts[0], 64)
		if err := stream.Send(&pb.HlsEvent{Playlist: filepath.Join(dir, "index.m3u8"), SegmentUri: parts[len(parts)-1], DurationS: dur}); err != nil {
			return err
		}
	}
	return sc.Err()
}

func sanitize(s string) string {
	r := strings.NewReplacer("://", "_", "/", "_", ":", "_")
	return r.Replace(s)
}
