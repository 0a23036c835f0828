package historian

import (
	"bytes"
	"encoding/json"
	"io"
)

func jsonBody(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}
