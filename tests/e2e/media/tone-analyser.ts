/**
 * Measures what a session receives: an AnalyserNode on the far end's audio track, read as the
 * level (dB) at given frequencies. Used to see in-band DTMF arrive at the other side.
 */

/** 4096 points at 48 kHz: bins 11.7 Hz apart, fine enough to tell 697 Hz from 770 Hz. */
const FFT_SIZE = 4096;

export class ToneAnalyser {
  private readonly context = new AudioContext();
  private readonly analyser: AnalyserNode;

  constructor(track: MediaStreamTrack) {
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = FFT_SIZE;
    this.analyser.smoothingTimeConstant = 0;
    this.context.createMediaStreamSource(new MediaStream([track])).connect(this.analyser);
  }

  /** The level in dB at each frequency: the strongest of the nearest bin and its neighbours. */
  levels(frequencies: readonly number[]): number[] {
    const spectrum = new Float32Array(this.analyser.frequencyBinCount);
    this.analyser.getFloatFrequencyData(spectrum);
    const binHz = this.context.sampleRate / FFT_SIZE;
    return frequencies.map((frequency) => {
      const bin = Math.round(frequency / binHz);
      return Math.max(spectrum[bin - 1] ?? -Infinity, spectrum[bin] ?? -Infinity, spectrum[bin + 1] ?? -Infinity);
    });
  }

  close(): void {
    void this.context.close();
  }
}
