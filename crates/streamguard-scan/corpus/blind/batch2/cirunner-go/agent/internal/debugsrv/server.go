package debugsrv

import (
	"context"
	"errors"
	"io"
	"os/exec"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/forgeci/controller/gen/runnerpb"
)

const maxExecDuration = 30 * time.Minute

type debugServer struct {
	runnerpb.UnimplementedDebugServer
	workdir string
}

func Register(s *grpc.Server, workdir string) {
	runnerpb.RegisterDebugServer(s, &debugServer{workdir: workdir})
}

type streamWriter struct {
	mu     *sync.Mutex
	stream runnerpb.Debug_ExecServer
	stderr bool
}

func (w streamWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := &runnerpb.ExecOutput{}
	if w.stderr {
		out.Stderr = append([]byte(nil), p...)
	} else {
		out.Stdout = append([]byte(nil), p...)
	}
	if err := w.stream.Send(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (d *debugServer) Exec(stream runnerpb.Debug_ExecServer) error {
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	command := first.GetCommand()
	if command == "" {
		return status.Error(codes.InvalidArgument, "first message must carry a command")
	}

	ctx, cancel := context.WithTimeout(context.Background(), maxExecDuration)
	defer cancel()

	var mu sync.Mutex
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", command)
	cmd.Dir = d.workdir
	cmd.Stdout = streamWriter{mu: &mu, stream: stream}
	cmd.Stderr = streamWriter{mu: &mu, stream: stream, stderr: true}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return status.Errorf(codes.Internal, "start: %v", err)
	}

	go func() {
		defer stdin.Close()
		for {
			in, err := stream.Recv()
			if errors.Is(err, io.EOF) || err != nil {
				return
			}
			if data := in.GetStdin(); len(data) > 0 {
				if _, err := stdin.Write(data); err != nil {
					return
				}
			}
		}
	}()

	waitErr := cmd.Wait()
	code := 0
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		code = ee.ExitCode()
	}
	mu.Lock()
	defer mu.Unlock()
	return stream.Send(&runnerpb.ExecOutput{ExitCode: int32(code), Exited: true})
}
