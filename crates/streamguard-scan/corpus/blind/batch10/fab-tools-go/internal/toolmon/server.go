package toolmon

import (
	toolmonv1 "fab.example.com/toolmon/gen/fab/toolmon/v1"
	"fab.example.com/toolmon/internal/blob"
	"fab.example.com/toolmon/internal/limits"
	"fab.example.com/toolmon/internal/mes"
	"fab.example.com/toolmon/internal/session"
)

type Server struct {
	toolmonv1.UnimplementedToolMonitorServer

	Sessions *session.Manager
	MES      *mes.Client
	Blobs    *blob.Store
	Limits   *limits.BySubject
}
