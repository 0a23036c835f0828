// Package screening checks a case against sanctions / PEP lists before approval.
package screening

import (
	"context"

	"google.golang.org/grpc"
)

type Client struct{ CC *grpc.ClientConn }

type verdict struct{ Clear bool }

func (c Client) Clear(ctx context.Context, caseID string) (bool, error) {
	var v verdict
	err := c.CC.Invoke(ctx, "/screening.v2.Screening/CheckCase", &struct{ CaseID string }{caseID}, &v)
	return v.Clear, err
}
