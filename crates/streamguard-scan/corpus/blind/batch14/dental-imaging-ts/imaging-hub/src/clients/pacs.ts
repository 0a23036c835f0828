import { request } from 'undici';
import { config } from '../config';

export interface PacsStudy {
  ID: string;
  PatientMainDicomTags: { PatientID: string };
  MainDicomTags: { ModalitiesInStudy: string; InstitutionName: string };
  LastUpdate: string;
}

// Orthanc REST: studies changed since a sequence number.
export async function changedStudies(clinicId: string, since: number, signal: AbortSignal): Promise<{ studies: PacsStudy[]; last: number }> {
  const { body, statusCode } = await request(`${config.pacsUrl}/changes?since=${since}&limit=100&clinic=${encodeURIComponent(clinicId)}`, {
    method: 'GET',
    signal,
  });
  if (statusCode !== 200) throw new Error(`orthanc ${statusCode}`);
  const json = (await body.json()) as { Changes: { ID: string; ChangeType: string }[]; Last: number };
  const studies: PacsStudy[] = [];
  for (const ch of json.Changes.filter((c) => c.ChangeType === 'StableStudy')) {
    const r = await request(`${config.pacsUrl}/studies/${ch.ID}`, { signal });
    studies.push((await r.body.json()) as PacsStudy);
  }
  return { studies, last: json.Last };
}
