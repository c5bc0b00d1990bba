interface BrandMarkProps {
  size?: number;
  title?: string;
}

/** The CraftMatch mark: a nón lá (conical hat) in rattan gold on lacquer red. Same drawing as public/favicon.svg. */
export function BrandMark({ size = 36, title }: BrandMarkProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      style={{ flexShrink: 0, display: 'block' }}
    >
      <rect width="64" height="64" rx="14" fill="#9B2226" />
      <path d="M32 11 L56 43 Q32 51 8 43 Z" fill="#C9A227" />
      <g fill="none" stroke="#7A1A1E" strokeWidth="1.6" strokeLinecap="round" opacity="0.55">
        <path d="M24.5 21 Q32 23.5 39.5 21" />
        <path d="M18.5 29 Q32 33 45.5 29" />
        <path d="M12.5 37 Q32 42.5 51.5 37" />
      </g>
      <path d="M32 11 L32 47" stroke="#F4EEDF" strokeWidth="1.2" opacity="0.5" />
      <path d="M19 46 Q32 56 45 46" fill="none" stroke="#F4EEDF" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
