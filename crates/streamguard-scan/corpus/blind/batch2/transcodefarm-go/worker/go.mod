module github.com/reelhouse/worker

go 1.22

require (
	github.com/reelhouse/transcodepb v0.0.0
	google.golang.org/grpc v1.64.0
)
