/**
 * Call recording: {@link org.switchboard.recording.Recorder} starts, pauses and resumes the recordings of calls;
 * {@link org.switchboard.recording.RecordingStore} keeps their audio and metadata. The bundle brings a store that
 * writes WAV files under the server's data folder with the metadata in the Switchboard database; a bundle that
 * registers another store (object storage, an encrypted store) with a higher {@code service.ranking} takes over
 * for the recordings started after it.
 */
@Version("1.1.0")
package org.switchboard.recording;

import org.osgi.annotation.versioning.Version;
