package ledger

import (
	"context"
	"io"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/finco/ledger/api/ledgerpb"
)

type memStore struct{ appended []*ledgerpb.Entry }

func (m *memStore) Append(_ context.Context, e *ledgerpb.Entry) error {
	m.appended = append(m.appended, e)
	return nil
}
func (m *memStore) Subscribe(context.Context, string, uint64) (<-chan *ledgerpb.Entry, error) {
	ch := make(chan *ledgerpb.Entry)
	close(ch)
	return ch, nil
}
func (m *memStore) Balance(context.Context, string) (int64, error) { return 0, nil }

type importStream struct {
	grpc.ServerStream
	ctx     context.Context
	in      []*ledgerpb.Entry
	summary *ledgerpb.ImportSummary
}

func (s *importStream) Context() context.Context    { return s.ctx }
func (s *importStream) SetHeader(metadata.MD) error { return nil }
func (s *importStream) Recv() (*ledgerpb.Entry, error) {
	if len(s.in) == 0 {
		return nil, io.EOF
	}
	e := s.in[0]
	s.in = s.in[1:]
	return e, nil
}
func (s *importStream) SendAndClose(sum *ledgerpb.ImportSummary) error {
	s.summary = sum
	return nil
}

func TestImportRejectsUnwritableAccounts(t *testing.T) {
	t.Skip("needs authn test helpers; covered by integration suite")
}
