// Study index kept by the hub (filled from uploads and from the PACS sync job).
interface StudyRow {
  clinicId: string;
  patientId: string;
  modality: string;
}

class StudyIndex {
  private rows = new Map<string, StudyRow>();

  register(studyId: string, clinicId: string, patientId: string, modality: string) {
    this.rows.set(studyId, { clinicId, patientId, modality });
  }

  get(studyId: string): StudyRow | undefined {
    return this.rows.get(studyId);
  }
}

export const studies = new StudyIndex();
