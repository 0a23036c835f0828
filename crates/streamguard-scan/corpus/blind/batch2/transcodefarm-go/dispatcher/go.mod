module github.com/reelhouse/dispatcher

go 1.22

require (
	github.com/reelhouse/transcodepb v0.0.0
	golang.org/x/sync v0.7.0
	google.golang.org/grpc v1.64.0
)
