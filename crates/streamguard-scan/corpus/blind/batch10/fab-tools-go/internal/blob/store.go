package blob

import (
	"context"
	"io"

	"github.com/minio/minio-go/v7"
)

type Store struct {
	Client *minio.Client
	Bucket string
}

func (s *Store) Put(ctx context.Context, key string, r io.Reader) (int64, error) {
	info, err := s.Client.PutObject(ctx, s.Bucket, key, r, -1, minio.PutObjectOptions{ContentType: "application/octet-stream"})
	return info.Size, err
}
